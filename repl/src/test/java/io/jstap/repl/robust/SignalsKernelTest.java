package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signals to a running jstap (a child JVM, as a user's shell would start it). SIGINT, SIGTERM and SIGHUP end
 * a run as stap's do: end probes print once, exit status 0; SIGKILL ends it at once. Either way every
 * program, map and link the child held (ids read from its fdinfo while it ran) is gone afterwards.
 */
@Tag("kernel")
class SignalsKernelTest {

    static final Duration START = Duration.ofSeconds(60);
    static final Duration END = Duration.ofSeconds(30);

    /** Kernel probes, a timer that says when they are attached (timers start after attaching), an end probe. */
    static final String SCRIPT = "global n, up\n"
            + "probe syscall.getppid, syscall.read { n++ }\n"
            + "probe timer.ms(20) { if (!up) { up = 1; printf(\"attached\\n\") } }\n"
            + "probe end { printf(\"end probe ran\\n\") }\n";

    @TempDir
    Path dir;

    private ChildCli runScript(String script, String... more) throws Exception {
        Path f = dir.resolve("script.stp");
        Files.writeString(f, script);
        List<String> args = new java.util.ArrayList<>(List.of(more));
        args.add(f.toString());
        return ChildCli.start(dir, args);
    }

    private static KernelIds loaded(ChildCli c) {
        KernelIds ids = KernelIds.of(c.pid());
        assertFalse(ids.progs().isEmpty() || ids.maps().isEmpty() || ids.links().isEmpty(),
                "while running, jstap holds programs, maps and links: " + ids);
        return ids;
    }

    private static long count(String text, String line) {
        return text.lines().filter(line::equals).count();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM", "HUP"})
    void anOrderlySignalRunsEndProbesOnceAndReleasesEverything(String signal) throws Exception {
        try (ChildCli c = runScript(SCRIPT)) {
            c.awaitLine("attached", START);
            KernelIds ids = loaded(c);
            c.signal(signal);
            assertEquals(0, c.await(END), c.stderr());
            assertEquals(1, count(c.stdout(), "end probe ran"), c.stdout());
            assertTrue(c.stdout().startsWith("attached\nend probe ran\n"), c.stdout());
            assertEquals("", c.stderr());
            ids.assertAllGone();
        }
    }

    /** A second and third signal during the exit the first began change neither the status nor the output. */
    @Test
    void signalsInQuickSuccessionStillRunEndProbesOnce() throws Exception {
        try (ChildCli c = runScript(SCRIPT)) {
            c.awaitLine("attached", START);
            KernelIds ids = loaded(c);
            c.signal("INT");
            c.signal("TERM");
            c.signal("INT");
            c.signal("HUP");
            assertEquals(0, c.await(END), c.stderr());
            assertEquals("attached\nend probe ran\n", c.stdout().replaceAll("(?m)^n=.*\n", ""));
            ids.assertAllGone();
        }
    }

    /**
     * A signal while the script compiles (20,000 functions take seconds; -v says when compilation is done):
     * the JVM's default handling ends it with 130, nothing printed, and whatever the compiler's feature
     * probes had loaded is gone.
     */
    @Test
    void aSignalWhileCompilingEndsWithNothingLoaded() throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            s.append("function f").append(i).append("(x) { return x + ").append(i).append(" }\n");
        }
        s.append("probe begin { printf(\"begin\\n\") } probe end { printf(\"end probe ran\\n\") }\n");
        try (ChildCli c = runScript(s.toString(), "-v"); IdWatch ids = IdWatch.of(c)) {
            Thread.sleep(1500);
            c.signal("INT");
            assertFalse(c.stderr().contains("Pass 3"), "compilation was over before the signal: " + c.stderr());
            assertEquals(130, c.await(END), c.stderr());
            assertEquals("", c.stdout());
            assertFalse(InProcessCli.STACK_TRACE.matcher(c.stderr()).find(), c.stderr());
            ids.stop().assertAllGone();
        }
    }

    /**
     * A signal while end probes run (the second end probe loops for a second or more; the first one's line
     * says when they started): they run to completion, once, status 0; output printed so far is kept.
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM", "HUP"})
    void aSignalDuringEndProbesLetsThemFinishOnce(String signal) throws Exception {
        String script = "global n\nprobe syscall.getppid { n++ }\nprobe timer.ms(100) { exit() }\n"
                + "probe end { printf(\"end started\\n\") }\n"
                + "probe end { for (i = 0; i < 200000; i++) n++; printf(\"end finished\\n\") }\n";
        try (ChildCli c = runScript(script, "-D", "MAXACTION=1000000"); IdWatch ids = IdWatch.of(c)) {
            c.awaitLine("end started", START);
            c.signal(signal);
            assertEquals(0, c.await(END), c.stderr());
            assertEquals("end started\nend finished\n", c.stdout().replaceAll("(?m)^n=.*\n", ""));
            assertEquals("", c.stderr());
            ids.stop().assertAllGone();
        }
    }

    @Test
    void sigkillLeavesNothingLoaded() throws Exception {
        try (ChildCli c = runScript(SCRIPT)) {
            c.awaitLine("attached", START);
            KernelIds ids = loaded(c);
            c.signal("KILL");
            assertEquals(137, c.await(END));
            assertEquals(0, count(c.stdout(), "end probe ran"));
            ids.assertAllGone();
        }
    }

    /**
     * Attaching 2,000 kernel probes takes about 300 ms after the begin probe has run: the signal, sent as
     * soon as begin's line appears, arrives while they are being attached. The ids are read just after; the
     * run may already be releasing, so they are what was left at that moment, and those must go too.
     */
    @Test
    void sigintDuringAttachStillEndsOrderly() throws Exception {
        StringBuilder s = new StringBuilder("global n\nprobe begin { printf(\"begin\\n\") }\n"
                + "probe end { printf(\"end probe ran\\n\") }\n");
        for (int i = 0; i < 2000; i++) {
            s.append("probe syscall.getppid { n++ }\n");
        }
        try (ChildCli c = runScript(s.toString())) {
            c.awaitLine("begin", START);
            c.signal("INT");
            KernelIds ids = KernelIds.of(c.pid());
            assertFalse(ids.progs().isEmpty(), "no program left to check");
            assertEquals(0, c.await(END), c.stderr());
            assertEquals("begin\nend probe ran\n", c.stdout().replaceAll("(?m)^n=.*\n", ""));
            ids.assertAllGone();
        }
    }

    /** -p4 loads every program to have it verified; a SIGINT meanwhile ends it and leaves nothing behind. */
    @Test
    void sigintDuringVerificationLeavesNothingLoaded() throws Exception {
        StringBuilder s = new StringBuilder("global n\n");
        for (int i = 0; i < 3000; i++) {
            s.append("probe syscall.getppid { n++ }\n");
        }
        try (ChildCli c = runScript(s.toString(), "-p4")) {
            long deadline = System.nanoTime() + START.toNanos();
            KernelIds ids = KernelIds.of(c.pid());
            while (ids.progs().size() < 100) {
                assertTrue(c.alive() && System.nanoTime() < deadline, "-p4 never loaded 100 programs: " + c.stderr());
                Thread.sleep(5);
                ids = KernelIds.of(c.pid());
            }
            c.signal("INT");
            int status = c.await(END);
            assertNotEquals(0, status, "an interrupted -p4 does not succeed");
            assertFalse(InProcessCli.STACK_TRACE.matcher(c.stdout() + c.stderr()).find(), c.stderr());
            ids.assertAllGone();
        }
    }
}
