package io.jstap.runtime.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.module.Module;
import io.jstap.runtime.output.Output;
import io.jstap.runtime.output.RecordingOutput;
import io.jstap.runtime.session.KernelFds;
import io.jstap.runtime.session.RunOptions;
import io.jstap.runtime.session.ScriptRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Faults while a script runs, each with stap's behaviour: the message (with the script location where
 * there is one), whether the run stops, which of end or error probes run, and the exit status. Kernel
 * probes are triggered by this JVM's own getppid calls (the script filters on target(), which is us).
 */
@Tag("kernel")
class RuntimeFaultsKernelTest {

    private final RecordingOutput out = new RecordingOutput();

    @BeforeEach
    @AfterEach
    void nothingLoaded() {
        Scripts.assertNothingLoaded();
    }

    /** Runs {@code m} on another thread, calling getppid {@code calls} times once it has attached. */
    private static int runWhileCalling(Module m, RunOptions o, Output out, int calls) throws Exception {
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ScriptRun.run(m, o, out));
        awaitAttached(status);
        for (int i = 0; i < calls && !status.isDone(); i++) {
            Scripts.getppid();
        }
        return status.get(30, TimeUnit.SECONDS);
    }

    /** The run holds perf or link fds once attached; give it the time to load. */
    private static void awaitAttached(CompletableFuture<Integer> status) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (KernelFds.ofSelf().stream().noneMatch(f -> f.contains("bpf_link") || f.contains("perf_event"))) {
            assertTrue(!status.isDone() && System.nanoTime() < deadline, "the run never attached");
            Thread.sleep(2);
        }
    }

    @Test
    void aFullArrayInAKernelProbeIsOneErrorAndTheRunStops() throws Exception {
        String s = "global a, n; probe syscall.getppid { if (pid() == target()) { a[n] = 1; n++ } } "
                + "probe end { printf(\"end\\n\") } probe error { printf(\"error probe, n=%d\\n\", n >= 10) }";
        Module m = Scripts.compile(s, Map.of("MAXMAPENTRIES", "10"));
        assertEquals(1, runWhileCalling(m, Scripts.asTarget(), out, 10_000));
        assertEquals("ERROR: Array overflow, check MAXMAPENTRIES near identifier 'a' at <input>:1:"
                + Scripts.col(s, "a[n]") + "\nerror probe, n=1\nWARNING: Number of errors: 1, skipped probes: 0\n",
                out.text());
    }

    @Test
    void aFullArrayInABeginProbeIsOneErrorAndTheRunStops() {
        String s = "global a; probe begin { for (i = 0; i < 20; i++) a[i] = i } "
                + "probe end { printf(\"end\\n\") } probe error { printf(\"error probe\\n\") }";
        Module m = Scripts.compile(s, Map.of("MAXMAPENTRIES", "10"));
        assertEquals(1, ScriptRun.run(m, Scripts.asTarget(), out));
        assertEquals("ERROR: Array overflow, check MAXMAPENTRIES near identifier 'a' at <input>:1:"
                + Scripts.col(s, "a[i]") + "\nerror probe\nWARNING: Number of errors: 1, skipped probes: 0\n",
                out.text());
    }

    /** Every getppid divides by zero: thousands of failing probes, one ERROR line, as stap stops at the first. */
    @Test
    void divisionByZeroInAKernelProbeIsReportedOnceWithItsLocationAndStopsTheRun() throws Exception {
        String s = "global z; probe syscall.getppid { if (pid() == target()) printf(\"%d\\n\", 10 / z) } "
                + "probe end { printf(\"end\\n\") } probe error { printf(\"error probe\\n\") }";
        Module m = Scripts.compile(s);
        long t0 = System.nanoTime();
        assertEquals(1, runWhileCalling(m, Scripts.asTarget(), out, 100_000));
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "the error did not stop the run promptly");
        assertEquals("ERROR: division by 0 near operator '/' at <input>:1:" + Scripts.col(s, "/ z")
                + "\nerror probe\nWARNING: Number of errors: 1, skipped probes: 0\n", out.text());
    }

    /** MAXERRORS=2: the third error stops the run, and three are reported. */
    @Test
    void maxErrorsLetsThatManyErrorsPassBeforeStopping() throws Exception {
        String s = "global z; probe syscall.getppid { if (pid() == target()) printf(\"%d\\n\", 10 % z) }";
        Module m = Scripts.compile(s);
        assertEquals(1, runWhileCalling(m, Scripts.asTarget().withMaxErrors(2), out, 100_000));
        String err = "ERROR: division by 0 near operator '%' at <input>:1:" + Scripts.col(s, "% z") + "\n";
        assertEquals(err + err + err + "WARNING: Number of errors: 3, skipped probes: 0\n", out.text());
    }

    private static final Pattern LINE = Pattern.compile("^(\\d+) x{100}$", Pattern.MULTILINE);
    private static final Pattern LAST = Pattern.compile("^n=(\\d+)$", Pattern.MULTILINE);

    /**
     * A printf flood while nobody reads the output: the ring buffer fills, the kernel side drops records and
     * counts them, and the end reports the count. Printed plus lost is exactly what the probe counted.
     */
    @Test
    void ringBufferOverflowIsCountedAndReportedNotSilentlyDropped() throws Exception {
        String s = "global n; probe syscall.getppid { if (pid() == target()) { n++; printf(\"%d %s\\n\", n, \""
                + "x".repeat(100) + "\") } } probe syscall.getpid { if (pid() == target()) exit() } "
                + "probe end { printf(\"n=%d\\n\", n) }";
        Module m = Scripts.compile(s);
        GatedOutput gated = new GatedOutput();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ScriptRun.run(m, Scripts.asTarget(), gated));
        awaitAttached(status);
        Scripts.getppid();
        assertTrue(gated.awaitBlocked(20), "the reader never printed");
        int calls = 200_000; // ~150 bytes a record: 30 MB against a 4 MB ring
        for (int i = 0; i < calls; i++) {
            Scripts.getppid();
        }
        gated.open();
        Thread.sleep(200); // the reader drains what fitted; then exit() has room
        while (!status.isDone()) {
            Scripts.getpid();
            Thread.sleep(5);
        }
        assertEquals(0, status.get(30, TimeUnit.SECONDS));
        String text = gated.text();
        Matcher last = LAST.matcher(text);
        assertTrue(last.find(), text.substring(Math.max(0, text.length() - 500)));
        long counted = Long.parseLong(last.group(1));
        assertEquals(calls + 1, counted, "the counter in the map is exact");
        long printed = LINE.matcher(text).results().count();
        long lost = gated.lostReported();
        assertTrue(lost > 0, "a 4 MB ring cannot hold " + calls + " records unread; lost=" + lost);
        assertEquals(counted, printed + lost, "printed " + printed + " + lost " + lost);
        assertTrue(text.endsWith("n=" + counted + "\nLOST " + lost + "\n"), text.substring(text.length() - 200));
    }

    @Test
    void aTracedCommandKilledByASignalIsReportedAndTheRunEndsNormally() {
        String s = "probe syscall.getppid { } probe end { printf(\"end\\n\") }";
        Module m = Scripts.compile(s);
        int status = ScriptRun.run(m, RunOptions.defaults().withCommand("/bin/sh -c 'kill -SEGV $$'").withTimeout(30.0),
                out);
        assertEquals(1, status);
        assertEquals("WARNING: Child process exited with signal 11 (Segmentation fault)\nend\n", out.text());
    }

    @Test
    void aTracedCommandThatFailsAfterStartingIsReportedWithItsStatus() {
        String s = "probe syscall.getppid { } probe end { printf(\"end\\n\") }";
        Module m = Scripts.compile(s);
        int status = ScriptRun.run(m, RunOptions.defaults().withCommand("/bin/sh -c 'exit 3'").withTimeout(30.0), out);
        assertEquals(1, status);
        assertEquals("WARNING: Child process exited with status 3\nend\n", out.text());
    }

    /** The program is found but cannot run: nothing is loaded, no probe runs, exit status 1. */
    @Test
    void aCommandThatCannotStartLoadsNothing() {
        String s = "probe begin { printf(\"begin\\n\") } probe syscall.getppid { } probe end { printf(\"end\\n\") }";
        Module m = Scripts.compile(s);
        assertEquals(1, ScriptRun.run(m, RunOptions.defaults().withCommand("/etc/passwd"), out));
        assertEquals("ERROR: -c command '/etc/passwd': /etc/passwd: Permission denied\n", out.text());
        assertEquals(1, ScriptRun.run(m, RunOptions.defaults().withCommand("no-such-command-xyz --flag"), out));
        assertTrue(out.text().endsWith("ERROR: -c command 'no-such-command-xyz --flag': no-such-command-xyz: "
                + "command not found\n"), out.text());
    }
}
