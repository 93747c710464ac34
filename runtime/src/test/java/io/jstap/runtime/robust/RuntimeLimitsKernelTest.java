package io.jstap.runtime.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.module.Module;
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
 * Limits a script runs into in kernel code, with stap's behaviour: strings are cut at MAXSTRINGLEN-1 bytes
 * without a message; MAXACTION is one error with its location, the error probe, and a stop. And a traced
 * command killed from outside ends the run the orderly way.
 */
@Tag("kernel")
class RuntimeLimitsKernelTest {

    private final RecordingOutput out = new RecordingOutput();

    @BeforeEach
    @AfterEach
    void nothingLoaded() {
        Scripts.assertNothingLoaded();
    }

    /** Runs {@code m} on another thread, calling getppid until it ends. */
    private static int runWhileCalling(Module m) throws Exception {
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ScriptRun.run(m, Scripts.asTarget(),
                new RecordingOutput()));
        return runWhileCalling(status);
    }

    private static int runWhileCalling(CompletableFuture<Integer> status) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!status.isDone()) {
            assertTrue(System.nanoTime() < deadline, "the run did not end");
            Scripts.getppid();
            Thread.sleep(1);
        }
        return status.get(1, TimeUnit.SECONDS);
    }

    /**
     * Literals, concatenations, map keys and values made in kernel code are all cut to MAXSTRINGLEN-1 bytes,
     * silently, as stap cuts them; lookups with the long key find the entry stored under the cut one.
     */
    @Test
    void stringsAreTruncatedAtMaxStringLenWithoutAnError() throws Exception {
        String s = "global g, h, a; probe syscall.getppid { if (pid() == target()) { g = \"abcdefghijklmnopqrstuvwxyz\"; "
                + "h = g . \"0123456789\"; a[g . \"!\"] = h . h; exit() } } "
                + "probe end { printf(\"[%s] [%s] %d %d [%s]\\n\", g, h, strlen(a[\"abcdefghijklmnopqrstuvwxyz\"]), "
                + "[\"abcdefghijklmno\"] in a, a[g]) }";
        Module m = Scripts.compile(s, Map.of("MAXSTRINGLEN", "16"));
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ScriptRun.run(m, Scripts.asTarget(), out));
        assertEquals(0, runWhileCalling(status));
        assertEquals("[abcdefghijklmno] [abcdefghijklmno] 15 1 [abcdefghijklmno]\n", out.text());
    }

    private static final Pattern N = Pattern.compile("error probe n=(\\d+)\n");

    /** The n the error probe printed. */
    private static long errorProbeCount(String text) {
        Matcher n = N.matcher(text);
        assertTrue(n.find(), text);
        return Long.parseLong(n.group(1));
    }

    /**
     * A loop in a kernel probe with MAXACTION=100: the probe stops at the bound, one ERROR naming the
     * statement, the error probe runs (not end), the run stops with status 1. What the probe did before the
     * bound stays (stap does not roll back): at least one increment. Events already in flight on the other CPU
     * before the run stops may add theirs (kernel probes are not yet gated on the session state as stap's are),
     * so the count has no exact upper bound. The location is where the statement {@code n++} starts.
     */
    @Test
    void maxActionInAKernelProbeIsOneErrorWithItsLocationAndStopsTheRun() throws Exception {
        String s = "global n; probe syscall.getppid { if (pid() == target()) { for (i = 0; i < 1000; i++) n++ } } "
                + "probe end { printf(\"end\\n\") } probe error { printf(\"error probe n=%d\\n\", n) }";
        Module m = Scripts.compile(s, Map.of("MAXACTION", "100"));
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ScriptRun.run(m, Scripts.asTarget(), out));
        assertEquals(1, runWhileCalling(status));
        String text = out.text();
        long done = errorProbeCount(text);
        assertTrue(done >= 1, "increments before the bound: " + done);
        assertEquals("ERROR: MAXACTION exceeded near operator '++' at <input>:1:" + Scripts.col(s, "n++ }")
                + "\nerror probe n=" + done + "\nWARNING: Number of errors: 1, skipped probes: 0\n", text);
    }

    /** In a begin probe the bound is stap's MAXACTION_INTERRUPTIBLE (10 x MAXACTION), still one error. */
    @Test
    void maxActionInABeginProbeUsesTheInterruptibleBound() {
        String s = "global n; probe begin { for (i = 0; i < 100000; i++) n++ } "
                + "probe end { printf(\"end\\n\") } probe error { printf(\"error probe n=%d\\n\", n) }";
        Module m = Scripts.compile(s, Map.of("MAXACTION", "100"));
        assertEquals(1, ScriptRun.run(m, Scripts.asTarget(), out));
        String text = out.text();
        long done = errorProbeCount(text);
        assertTrue(done >= 100 && done < 1000, "increments before the bound: " + done);
        assertEquals("ERROR: MAXACTION exceeded near keyword at <input>:1:" + Scripts.col(s, "for")
                + "\nerror probe n=" + done + "\nWARNING: Number of errors: 1, skipped probes: 0\n", text);
    }

    private static final Pattern TARGET = Pattern.compile("target (\\d+)\n");

    /**
     * The -c command is killed with SIGKILL while its probes fire: the run ends as when it exits (the
     * warning, end probes once, everything released), not with an error or a hang.
     */
    @Test
    void aTracedCommandKilledFromOutsideEndsTheRunOrderly() throws Exception {
        String s = "probe begin { printf(\"target %d\\n\", target()) } probe syscall.getppid { } "
                + "probe end { printf(\"end\\n\") }";
        Module m = Scripts.compile(s);
        // The target itself must be the looping shell: a nested shell would outlive the SIGKILL as an orphan.
        String loop = "while :; do /bin/sh -c \"exit 0\"; done";
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() ->
                ScriptRun.run(m, RunOptions.defaults().withCommand(loop).withTimeout(30.0), out));
        long deadline = System.nanoTime() + 20_000_000_000L;
        Matcher t = TARGET.matcher("");
        while (!t.reset(out.text()).find()) {
            assertTrue(!status.isDone() && System.nanoTime() < deadline, out.text());
            Thread.sleep(5);
        }
        long pid = Long.parseLong(t.group(1));
        Thread.sleep(300); // attached and running
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false), "kill " + pid);
        assertEquals(1, status.get(30, TimeUnit.SECONDS));
        assertEquals("target " + pid + "\nWARNING: Child process exited with signal 9 (Killed)\nend\n", out.text());
    }
}
