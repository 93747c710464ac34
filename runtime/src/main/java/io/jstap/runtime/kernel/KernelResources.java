package io.jstap.runtime.kernel;

import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.bpf.Program;
import io.jstap.linux.Bpf;
import io.jstap.linux.LinuxSys;
import io.jstap.linux.MapSpec;
import io.jstap.linux.Perf;
import io.jstap.linux.ProgType;
import io.jstap.linux.ProgramLoad;
import io.jstap.linux.Sys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A scope that owns maps, programs, attachments and ring buffer readers. Closing it releases all of
 * them, newest first (readers, then attachments, then programs and maps). Open scopes are closed by a
 * shutdown hook, see {@link Cleanup}.
 */
public final class KernelResources implements AutoCloseable {

    private static final int MAX_CLOSERS = 64;

    private final Sys sys;
    private final Bpf bpf;
    private final Perf perf;
    private final Attacher attacher;
    private final Set<KernelObject> owned = new LinkedHashSet<>();
    private boolean closed;

    public KernelResources() {
        this(LinuxSys.get());
    }

    public KernelResources(Sys sys) {
        this.sys = sys;
        this.bpf = new Bpf(sys);
        this.perf = new Perf(sys);
        this.attacher = new Attacher(this);
        Cleanup.register(this);
    }

    public Sys sys() {
        return sys;
    }

    public Bpf bpf() {
        return bpf;
    }

    public Perf perf() {
        return perf;
    }

    private synchronized <T extends KernelObject> T own(T obj) {
        if (closed) {
            obj.close();
            throw new IllegalStateException("kernel resources are closed");
        }
        owned.add(obj);
        return obj;
    }

    synchronized void forget(KernelObject obj) {
        owned.remove(obj);
    }

    private synchronized void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("kernel resources are closed");
        }
    }

    /** Everything this scope still holds, oldest first. */
    public synchronized List<KernelObject> owned() {
        return List.copyOf(owned);
    }

    public BpfMap createMap(MapSpec spec) {
        ensureOpen();
        return own(new BpfMap(this, spec, bpf.createMap(spec)));
    }

    /** Loads a program; a rejection throws {@link io.jstap.linux.BpfException} carrying the verifier log. */
    public LoadedProgram load(ProgramLoad load) {
        ensureOpen();
        long t0 = System.nanoTime();
        Bpf.Loaded l = bpf.loadProgram(load);
        return own(new LoadedProgram(this, l.fd(), load.name(), load.type(), l.verifierLog(),
                System.nanoTime() - t0));
    }

    /**
     * Loads an assembled program, writing the fd of {@code maps.apply(ref)} into each map reference.
     * License "GPL": several tracing helpers refuse other licenses.
     */
    public LoadedProgram load(ProgType type, String name, Program program, Function<MapRef, BpfMap> maps) {
        byte[] bytes = program.bytesWithFds(ref -> {
            BpfMap m = maps.apply(ref);
            if (m == null) {
                throw new IllegalArgumentException("program " + name + " refers to map '" + ref.name()
                        + "', which was not created");
            }
            return m.fd();
        });
        return load(new ProgramLoad(type, name, bytes, "GPL"));
    }

    /** A tracefs tracepoint as a perf event (opened disabled, SET_BPF, then enabled). */
    public Attachment attachTracepoint(LoadedProgram prog, String category, String event) {
        ensureOpen();
        return own(attacher.tracepoint(prog, category, event, false, 0));
    }

    /** A tracefs tracepoint bound through LINK_CREATE, so the program can read {@code cookie}. */
    public Attachment attachTracepoint(LoadedProgram prog, String category, String event, long cookie) {
        ensureOpen();
        return own(attacher.tracepoint(prog, category, event, true, cookie));
    }

    /** A raw tracepoint such as {@code sys_enter} (program type RAW_TRACEPOINT). */
    public Attachment attachRawTracepoint(LoadedProgram prog, String name) {
        ensureOpen();
        return own(attacher.rawTracepoint(prog, name));
    }

    /** A uprobe or uretprobe (program type KPROBE). */
    public Attachment attachUprobe(LoadedProgram prog, UprobeTarget target) {
        ensureOpen();
        return own(attacher.uprobe(prog, target));
    }

    /** A kprobe or kretprobe through the kprobe PMU; {@link MissingFeatureException} when there is none. */
    public Attachment attachKprobe(LoadedProgram prog, String function, boolean ret) {
        ensureOpen();
        return own(attacher.kprobe(prog, function, ret));
    }

    /** A sampling event on every online CPU (program type PERF_EVENT). */
    public Attachment attachPerfEvent(LoadedProgram prog, PerfEventSpec spec) {
        ensureOpen();
        return own(attacher.perfEvent(prog, spec));
    }

    /**
     * Starts a reader thread on a RINGBUF map. {@code dropCounter} (may be null) returns the total of
     * records the programs could not reserve, e.g. {@code () -> drops.sumPerCpuLong(BpfMap.intKey(0), 0)}.
     */
    public RingBufferReader openRingBuffer(BpfMap ring, RecordSink sink, LongSupplier dropCounter) {
        ensureOpen();
        if (ring.type() != io.jstap.linux.MapType.RINGBUF) {
            throw new IllegalArgumentException(ring + " is not a ring buffer");
        }
        RingBufferReader r = own(new RingBufferReader(this, ring, sink, dropCounter));
        r.start();
        return r;
    }

    @Override
    public void close() {
        List<KernelObject> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(owned);
        }
        List<KernelObject> readers = new ArrayList<>();
        List<KernelObject> attachments = new ArrayList<>();
        List<KernelObject> rest = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            KernelObject o = all.get(i);
            (o instanceof RingBufferReader ? readers : o instanceof Attachment ? attachments : rest).add(o);
        }
        RuntimeException first = closeConcurrently(readers);
        RuntimeException second = closeConcurrently(attachments);
        RuntimeException third = closeConcurrently(rest);
        Cleanup.unregister(this);
        first = first != null ? first : second != null ? second : third;
        if (first != null) {
            throw first;
        }
    }

    /**
     * Closes objects on parallel threads and returns the first failure (or null). Closing a perf event on a
     * tracepoint waits for an RCU grace period (50-80 ms each on a 6.18 VM); waiting in parallel lets the
     * waits overlap, so detaching hundreds of tracepoints takes seconds, not minutes.
     */
    public static RuntimeException closeConcurrently(List<? extends KernelObject> objects) {
        if (objects.size() <= 1) {
            try {
                objects.forEach(KernelObject::close);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicInteger next = new AtomicInteger();
        int n = Math.min(objects.size(), MAX_CLOSERS);
        Thread[] threads = new Thread[n];
        for (int t = 0; t < n; t++) {
            threads[t] = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < objects.size(); i = next.getAndIncrement()) {
                    try {
                        objects.get(i).close();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "kernel-close-" + t);
            threads[t].setDaemon(true);
            threads[t].start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new IllegalStateException("interrupted while closing kernel objects", e);
            }
        }
        return failure.get();
    }

}
