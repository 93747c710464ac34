package io.jstap.runtime.kernel;

import io.jstap.linux.Epoll;
import io.jstap.linux.Mapping;
import io.jstap.linux.Sys;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

/**
 * Drains one BPF ring buffer on a dedicated thread: waits on epoll, hands each record to the sink in
 * order, and after each drain reads the program's drop counter. Closing wakes the thread, which drains
 * what is left, then unmaps.
 */
public final class RingBufferReader extends KernelObject {

    private static final int PAGE = 4096;
    private static final int POLL_MS = 100;

    private final BpfMap ring;
    private final RecordSink sink;
    private final LongSupplier dropCounter;
    private final Mapping consumerPage;
    private final Mapping producerPages;
    private final Epoll epoll;
    private final RingWalker walker;
    private final Thread thread;
    private volatile long lost;
    private volatile Throwable failure;

    RingBufferReader(KernelResources scope, BpfMap ring, RecordSink sink, LongSupplier dropCounter) {
        super(scope);
        this.ring = ring;
        this.sink = sink;
        this.dropCounter = dropCounter;
        Sys sys = scope.sys();
        int size = ring.spec().maxEntries();
        Mapping cons = null;
        Mapping prod = null;
        Epoll ep = null;
        try {
            cons = Mapping.map(sys, ring.fd(), 0, PAGE, Mapping.PROT_READ | Mapping.PROT_WRITE,
                    "the consumer page of ring buffer " + ring.name());
            prod = Mapping.map(sys, ring.fd(), PAGE, PAGE + 2L * size, Mapping.PROT_READ,
                    "the data pages of ring buffer " + ring.name());
            ep = new Epoll(sys);
            ep.add(ring.fd(), 0);
        } catch (RuntimeException e) {
            closeQuietly(ep);
            closeQuietly(prod);
            closeQuietly(cons);
            throw e;
        }
        this.consumerPage = cons;
        this.producerPages = prod;
        this.epoll = ep;
        ByteBuffer p = prod.buffer();
        this.walker = new RingWalker(cons.buffer(), p, p.slice(PAGE, 2 * size), size);
        this.thread = new Thread(this::run, "ringbuf-" + ring.name());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            while (!epoll.woken()) {
                drainOnce();
                epoll.await(POLL_MS);
            }
            drainOnce();
        } catch (Throwable t) {
            failure = t;
        }
    }

    private void drainOnce() {
        // Drain until empty: the kernel signals again only after the consumer has caught up.
        while (walker.drain(sink) > 0) {
            // keep going
        }
        if (dropCounter != null) {
            long total = dropCounter.getAsLong();
            if (total > lost) {
                long delta = total - lost;
                lost = total;
                sink.onLost(delta, total);
            }
        }
        sink.onDrained();
    }

    /** Records handed to the sink so far. */
    public long delivered() {
        return walker.delivered();
    }

    /** Records the program reported dropped (from the drop counter), as of the last drain. */
    public long lost() {
        return lost;
    }

    /** What stopped the reader thread early (the sink threw), or null. */
    public Throwable failure() {
        return failure;
    }

    public BpfMap ring() {
        return ring;
    }

    @Override
    void release() {
        epoll.wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) { // never unmap under a running reader
            producerPages.close();
            consumerPage.close();
        }
        epoll.close();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort while unwinding a failed open
            }
        }
    }

    @Override
    public String toString() {
        return "ring buffer reader of " + ring.name();
    }
}
