package io.jstap.runtime.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.format.GlobalValue;
import io.jstap.runtime.catalog.MachineProbeCatalog;
import io.jstap.runtime.live.FacadeCompiler;
import io.jstap.runtime.live.LiveOptions;
import io.jstap.runtime.live.LiveSession;
import io.jstap.runtime.live.Snippet;
import io.jstap.runtime.live.SnippetEvent;
import io.jstap.runtime.output.Output;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The soak, scaled to CI (scripts/soak is the full-length one): one getppid loop per CPU in this JVM,
 * counted per thread by a probe in a live session (per-CPU counters in the kernel), a sampled printf
 * carrying output records, and a hot reload every two seconds adding or dropping another probe. At the end
 * each thread's count in the map equals the thread's own count exactly, lost records are counted and
 * reported, and the JVM heap and fd count have not grown. Figures are printed for the record.
 */
@Tag("kernel")
class SoakKernelTest {

    static final long SECONDS = Long.getLong("jstap.soak.seconds", 20);
    static final long RELOAD_MS = 2000;

    /** Counts what the session prints instead of keeping it (a soak must not fill the heap itself). */
    static final class CountingOutput implements Output {
        final AtomicLong samples = new AtomicLong();
        final AtomicLong lost = new AtomicLong(-1);
        final List<String> messages = new ArrayList<>();
        final List<GlobalValue> globals = new ArrayList<>();

        @Override
        public void print(CharSequence text) {
            text.chars().filter(c -> c == '\n').forEach(c -> samples.incrementAndGet());
        }

        @Override
        public synchronized void warning(String message) {
            messages.add("WARNING: " + message);
        }

        @Override
        public synchronized void error(String message) {
            messages.add("ERROR: " + message);
        }

        @Override
        public synchronized void globals(List<GlobalValue> values) {
            globals.addAll(values);
        }

        @Override
        public void lost(long records) {
            lost.set(records);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static List<SnippetEvent> ok(LiveSession s, String input) {
        List<SnippetEvent> events = s.eval(input);
        for (SnippetEvent e : events) {
            assertFalse(e.failed(), () -> input + ": " + e);
        }
        return events;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void millionsOfEventsWithReloadsCountExactlyAndResourcesStayFlat() throws Exception {
        Scripts.assertNothingLoaded();
        int cpus = Runtime.getRuntime().availableProcessors();
        MachineProbeCatalog catalog = new MachineProbeCatalog();
        FacadeCompiler compiler = new FacadeCompiler(FacadeCompiler.optionsFor(catalog), catalog);
        CountingOutput out = new CountingOutput();
        LiveSession session = new LiveSession(compiler, compiler.preprocessor(), out, LiveOptions.defaults());
        long pid = Scripts.self();
        ok(session, "global calls");
        ok(session, "probe syscall.getppid { if (pid() == " + pid + ") { calls[tid()]++; "
                + "if (randint(4096) == 0) printf(\"sample %d\\n\", cpu()) } }");

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLongArray made = new AtomicLongArray(cpus);
        long[] tids = new long[cpus];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < cpus; i++) {
            int w = i;
            Thread t = new Thread(() -> {
                tids[w] = Scripts.gettid();
                long n = 0;
                while (!stop.get()) {
                    for (int k = 0; k < 1000; k++) {
                        Scripts.getppid();
                    }
                    n += 1000;
                    made.lazySet(w, n);
                }
                made.set(w, n);
            }, "soak-" + i);
            workers.add(t);
        }

        // the baseline is taken after a first reload, once the compiler and the reload path are warm
        session.drop(ok(session, "probe syscall.getpid { }").get(0).snippet());
        long heap0 = usedHeapAfterGc();
        long fds0 = openFds();
        long t0 = System.nanoTime();
        workers.forEach(Thread::start);
        int reloads = 0;
        Snippet added = null;
        long maxHeap = heap0;
        long maxFds = fds0;
        while (System.nanoTime() - t0 < SECONDS * 1_000_000_000L) {
            Thread.sleep(RELOAD_MS);
            if (added == null) {
                added = ok(session, "probe syscall.getpid { if (pid() == " + pid + ") calls[0]++ }").get(0).snippet();
            } else {
                for (SnippetEvent e : session.drop(added)) {
                    assertFalse(e.failed(), e::toString);
                }
                added = null;
            }
            reloads++;
            maxFds = Math.max(maxFds, openFds());
            Runtime rt = Runtime.getRuntime();
            maxHeap = Math.max(maxHeap, rt.totalMemory() - rt.freeMemory());
        }
        stop.set(true);
        for (Thread t : workers) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long heap1 = usedHeapAfterGc();
        long fds1 = openFds();

        Map<Long, Long> counted = new TreeMap<>();
        for (int i = 0; i < cpus; i++) {
            String v = ok(session, "calls[" + tids[i] + "]").get(0).value();
            counted.put(tids[i], Long.parseLong(v));
        }
        session.close();
        Scripts.assertNothingLoaded();

        long total = 0;
        for (int i = 0; i < cpus; i++) {
            assertEquals(made.get(i), counted.get(tids[i]), "thread " + tids[i] + " made " + made.get(i) + " calls");
            total += made.get(i);
        }
        System.out.printf("soak: %d CPUs, %.1f s, %d reloads, %d events (%.0f/s), %d samples printed, %d lost,"
                        + " used heap after GC %d -> %d KiB (peak %d KiB), fds %d -> %d (peak %d)%n",
                cpus, secs, reloads, total, total / secs, out.samples.get(), out.lost.get(), heap0 >> 10,
                heap1 >> 10, maxHeap >> 10, fds0, fds1, maxFds);
        // JNA calls from two threads on a shared machine: scripts/soak drives millions/s from C
        assertTrue(total / secs > 200_000, "fewer than 200,000 events/s: " + total / secs);
        assertTrue(out.lost.get() >= 0, "lost records were not reported");
        assertTrue(out.samples.get() > 0, "no sampled record reached the output");
        assertEquals(List.of(), out.messages);
        assertTrue(fds1 <= fds0 + 4, "fds grew: " + fds0 + " -> " + fds1);
        assertTrue(heap1 <= heap0 + (32L << 20), "heap grew: " + (heap0 >> 10) + " -> " + (heap1 >> 10) + " KiB");
        assertTrue(reloads >= SECONDS * 1000 / RELOAD_MS - 1, "reloads " + reloads);
    }
}
