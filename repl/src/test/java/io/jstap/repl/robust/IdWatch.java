package io.jstap.repl.robust;

import java.util.List;
import java.util.TreeSet;

/**
 * Every BPF program, map and link id a process held at any moment of its life, read from its fdinfo every
 * few milliseconds on a thread of its own: objects that exist only briefly (a signal during loading, the
 * feature probes of compilation) are caught too, so a test can check afterwards that all of them are gone.
 */
final class IdWatch implements AutoCloseable {

    private final long pid;
    private final TreeSet<Integer> progs = new TreeSet<>();
    private final TreeSet<Integer> maps = new TreeSet<>();
    private final TreeSet<Integer> links = new TreeSet<>();
    private final Thread thread;
    private volatile boolean stop;

    private IdWatch(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::poll, "id-watch-" + pid);
        thread.setDaemon(true);
    }

    /** Starts watching {@code child}, having read its ids once already. */
    static IdWatch of(ChildCli child) {
        IdWatch w = new IdWatch(child.pid());
        w.sample();
        w.thread.start();
        return w;
    }

    /** Adds what the process holds now; false once it is gone. */
    private boolean sample() {
        KernelIds now;
        try {
            now = KernelIds.of(pid);
        } catch (IllegalStateException e) {
            return false;
        }
        synchronized (this) {
            progs.addAll(now.progs());
            maps.addAll(now.maps());
            links.addAll(now.links());
        }
        return true;
    }

    private void poll() {
        while (!stop && sample()) {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** What was seen so far. */
    synchronized KernelIds seen() {
        return new KernelIds(List.copyOf(progs), List.copyOf(maps), List.copyOf(links));
    }

    /** Stops watching (the process has ended) and returns everything it ever held. */
    KernelIds stop() throws InterruptedException {
        stop = true;
        thread.join(5_000);
        return seen();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
