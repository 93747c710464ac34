package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signals to the REPL (a child JVM reading its input from a pipe): SIGINT at the prompt is not fatal;
 * SIGTERM and SIGHUP end it as {@code :quit} does (end probes once, status 0, even while a statement runs
 * or with a second signal following); SIGKILL ends it at once. Every program, map and link it ever held
 * (watched in its fdinfo) is gone afterwards.
 */
@Tag("kernel")
class ReplSignalsKernelTest {

    static final Duration START = SignalsKernelTest.START;
    static final Duration END = SignalsKernelTest.END;

    static final String SESSION = "global n, up\n"
            + "probe syscall.getppid, syscall.read { n++ }\n"
            + "probe timer.ms(20) { if (!up) { up = 1; printf(\"timers running\\n\") } }\n"
            + "probe end { printf(\"end probe ran\\n\") }\n";

    @TempDir
    Path dir;

    /** A REPL with the session above loaded and attached, and its ids watched. */
    private ChildCli started() throws InterruptedException {
        ChildCli c = ChildCli.repl(dir);
        c.send(SESSION);
        c.awaitText("timers running", 1, START);
        return c;
    }

    private static void assertHeld(KernelIds ids) {
        assertFalse(ids.progs().isEmpty() || ids.maps().isEmpty() || ids.links().isEmpty(),
                "while running, the REPL holds programs, maps and links: " + ids);
    }

    /**
     * The REPL ended the orderly way: status 0, its end probe ran exactly once, and every program, map and
     * link it held (returned, for further checks) is gone.
     */
    private static KernelIds assertEndedOrderly(ChildCli c, IdWatch ids) throws Exception {
        assertEquals(0, c.await(END), c.stderr());
        assertEquals(1, ChildCli.occurrences(c.stdout(), "end probe ran"), c.stdout());
        KernelIds seen = ids.stop();
        seen.assertAllGone();
        return seen;
    }

    @Test
    void sigintAtThePromptIsNotFatal() throws Exception {
        try (ChildCli c = started(); IdWatch ids = IdWatch.of(c)) {
            c.signal("INT");
            c.signal("INT");
            // Known bug: the reader can drop the first character typed after an interrupt (one per SIGINT
            // at most, seen under load). Empty lines absorb it so the test checks what it is about.
            c.send("\n\n");
            c.send("printf(\"still here %d\\n\", up)\n");
            c.awaitText("still here 1", 1, END);
            assertTrue(c.alive());
            assertEquals(0, ChildCli.occurrences(c.stdout(), "end probe ran"));
            c.send(":quit\n");
            assertHeld(assertEndedOrderly(c, ids));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "HUP"})
    void termAndHupEndTheSessionRunningEndProbesOnce(String signal) throws Exception {
        try (ChildCli c = started(); IdWatch ids = IdWatch.of(c)) {
            c.signal(signal);
            assertHeld(assertEndedOrderly(c, ids));
            assertFalse(InProcessCli.STACK_TRACE.matcher(c.stdout() + c.stderr()).find(), c.stderr());
        }
    }

    /** A second and third signal while the first one's exit runs change neither the status nor the output. */
    @Test
    void repeatedSignalsStillEndOnceWithStatusZero() throws Exception {
        try (ChildCli c = started(); IdWatch ids = IdWatch.of(c)) {
            c.signal("TERM");
            c.signal("HUP");
            c.signal("TERM");
            assertEndedOrderly(c, ids);
        }
    }

    /** A statement that runs for long (a big loop in userspace) is stopped; end probes still run once. */
    @Test
    void termWhileAStatementRunsEndsOrderly() throws Exception {
        try (ChildCli c = ChildCli.repl(dir, "-D", "MAXACTION=100000000")) {
            c.send(SESSION);
            c.awaitText("timers running", 1, START);
            try (IdWatch ids = IdWatch.of(c)) {
                c.send("printf(\"looping\\n\"); for (i = 0; i < 900000000; i++) n++\n");
                c.awaitText("looping", 1, END);
                c.signal("TERM");
                assertEndedOrderly(c, ids);
            }
        }
    }

    @Test
    void sigkillLeavesNothingLoaded() throws Exception {
        try (ChildCli c = started(); IdWatch ids = IdWatch.of(c)) {
            Thread.sleep(50);
            c.signal("KILL");
            assertEquals(137, c.await(END));
            assertEquals(0, ChildCli.occurrences(c.stdout(), "end probe ran"));
            KernelIds seen = ids.stop();
            assertHeld(seen);
            seen.assertAllGone();
        }
    }
}
