package io.jstap.repl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.repl.examples.Workload.Run;
import io.jstap.repl.examples.Workload.Traced;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The example scripts whose counts for the workload are exact: each runs with the workload as its -c
 * command, and the workload's line (found by the pid or the name it gave itself) is checked to the byte.
 */
@Tag("kernel")
class CountingExamplesKernelTest extends WorkloadTest {
    @Test
    void callCountsEverySyscallOfTheProcess() throws IOException {
        // 9999 getppid calls, then the prctl that renames it "idle" enters while it is still "loop"
        Traced t = work.command("loop", "getppid", 9999, 0, 3000);
        Run r = runExample("call.stp", t.command());
        List<String> lines = r.out().lines().toList();
        assertEquals("Collecting data... Type Ctrl-C to exit and display results", lines.get(0));
        assertTrue(lines.contains("loop[" + t.pid() + "] = 10000"), r.out());
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(l.matches(".+\\[\\d+\\] = \\d+"), l);
        }
    }

    @Test
    void errnoCountsFailedCloses() throws IOException {
        Traced t = work.command("errs", "badclose", 50000, 0, 0);
        Run r = runExample("errno.stp", t.command());
        List<String> lines = r.out().lines().toList();
        assertEquals(String.format("%-16s %-20s %-12s %s", "COMMAND", "SYSCALL", "ERROR", "COUNT"), lines.get(0));
        assertTrue(lines.contains(String.format("%-16s %-20s %-12s %d", "errs", "close", "EBADF", 50000)), r.out());
        assertTrue(lines.size() <= 26, r.out());
    }

    @Test
    void tcpbytesCountsLoopbackSendsAndReceives() throws IOException {
        Traced t = work.command("sock", "sock", 100, 1000, 0);
        Run r = runExample("tcpbytes.stp", t.command());
        List<String> lines = r.out().lines().toList();
        assertEquals(String.format("%-16s %12s %12s", "COMMAND", "SENT", "RECEIVED"), lines.get(0));
        assertTrue(lines.contains(String.format("%-16s %12d %12d", "sock", 100000, 100000)), r.out());
    }

    @Test
    void writebytesSumsTheWritesOfThePid() throws IOException {
        Traced t = work.command("writer", "write", 1000, 512, 1500);
        Run r = runExample("writebytes.stp", t.command());
        // the writes may straddle a one-second tick: the lines for the pid add up exactly
        Pattern mine = Pattern.compile(String.format("%6d %-16s", t.pid(), "writer")
                + " {0,10}(\\d+) bytes in (\\d+) writes");
        long bytes = 0;
        long calls = 0;
        for (String l : r.out().lines().toList()) {
            Matcher m = mine.matcher(l);
            if (m.matches()) {
                bytes += Long.parseLong(m.group(1));
                calls += Long.parseLong(m.group(2));
            } else {
                assertTrue(l.isEmpty() || l.matches(" *\\d+ .{16} +\\d+ bytes in \\d+ writes"), l);
            }
        }
        assertEquals(512000, bytes, r.out());
        assertEquals(1000, calls, r.out());
    }

    @Test
    void vfsioReportsKibibytesReadAndWritten() throws IOException {
        Traced t = work.command("copier", "rw", 1000, 65536, 5500);
        Run r = runExample("vfsio.stp", t.command());
        List<String> lines = r.out().lines().toList();
        assertEquals(String.format("%-16s %12s %12s", "COMMAND", "READ", "WRITTEN"), lines.get(0));
        assertTrue(lines.contains(String.format("%-16s %12s %12s", "copier", "64000.0 KiB", "64000.0 KiB")), r.out());
    }

    @Test
    void signalsCountsIgnoredTermsAndTheExitChild() throws IOException {
        Traced t = work.command("sig", "signal", 7, 0, 0);
        Run r = runExample("signals.stp", t.command());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains(String.format("%-16s -> %6d %-10s %d", "sig", t.pid(), "SIGTERM", 7)), r.out());
        // its exit, as "idle", signals its parent once
        assertTrue(lines.stream().anyMatch(l -> l.matches("idle {13}-> +\\d+ SIGCHLD {4}1")), r.out());
    }

    @Test
    void sleeptimeAveragesTheNanosleeps() throws IOException {
        Traced t = work.command("sleeper", "sleep", 5, 200, 0);
        Run r = runExample("sleeptime.stp", t.command());
        int at = r.out().indexOf("sleeper: ");
        assertTrue(at >= 0, r.out());
        String block = r.out().substring(at, r.out().indexOf("\n\n", at) + 2);
        // 200 ms sleeps end late by how busy the machine is: the bucket is exact, the average within it
        assertTrue(block.matches("sleeper: 5 sleeps, 2\\d\\d ms on average\n"
                + "value \\|-{50} count\n"
                + "    0 \\| {51}0\n"
                + "  100 \\| {51}0\n"
                + "  200 \\|@{5} {46}5\n"
                + "  300 \\| {51}0\n"
                + "  400 \\| {51}0\n\n"), block);
    }
}
