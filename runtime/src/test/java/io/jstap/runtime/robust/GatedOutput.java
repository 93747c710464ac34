package io.jstap.runtime.robust;

import io.jstap.compiler.format.GlobalPrinter;
import io.jstap.compiler.format.GlobalValue;
import io.jstap.runtime.output.Output;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An output whose script text blocks until {@link #open()}: like a terminal nobody reads, it stalls the
 * ring buffer reader on its first record, so the kernel side fills the ring and must drop and count.
 * Keeps a transcript in stap's text form (messages as {@code WARNING:}/{@code ERROR:} lines, lost records
 * as {@code LOST n}).
 */
final class GatedOutput implements Output {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final StringBuilder transcript = new StringBuilder();
    private long lost = -1;

    void open() {
        gate.countDown();
    }

    /** Waits until a print is stuck at the gate. */
    boolean awaitBlocked(long seconds) throws InterruptedException {
        return blocked.await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void print(CharSequence text) {
        blocked.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            transcript.append(text);
        }
    }

    @Override
    public synchronized void warning(String message) {
        transcript.append("WARNING: ").append(message).append('\n');
    }

    @Override
    public synchronized void error(String message) {
        transcript.append("ERROR: ").append(message).append('\n');
    }

    @Override
    public synchronized void globals(List<GlobalValue> values) {
        transcript.append(GlobalPrinter.print(values));
    }

    @Override
    public synchronized void lost(long records) {
        lost = records;
        if (records > 0) {
            transcript.append("LOST ").append(records).append('\n');
        }
    }

    /** What {@link #lost} was told, or -1 if it never was. */
    synchronized long lostReported() {
        return lost;
    }

    synchronized String text() {
        return transcript.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
