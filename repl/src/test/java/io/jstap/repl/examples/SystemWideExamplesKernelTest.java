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
 * The example scripts that sample or aggregate the whole machine: the workload's share is a lower bound
 * (other processes add to system-wide totals, samples are approximate), and every line has a strict shape.
 */
@Tag("kernel")
class SystemWideExamplesKernelTest extends WorkloadTest {
    /** Sum of group 1 over the lines matching {@code p}; every other line must match {@code other}. */
    static long sum(String out, Pattern p, String other) {
        long total = 0;
        for (String l : out.lines().toList()) {
            Matcher m = p.matcher(l);
            if (m.matches()) {
                total += Long.parseLong(m.group(1));
            } else {
                assertTrue(l.matches(other), l);
            }
        }
        return total;
    }

    @Test
    void helloEndsAtTheFirstRead() {
        Run r = runExample("hello.stp", work.command("reader", "read", 1, 16, 0).command());
        // a read on another CPU between one probe's printf and its exit() also prints, as in stap
        assertTrue(r.out().matches("(Hello World\n){1," + Runtime.getRuntime().availableProcessors() + "}"), r.out());
    }

    @Test
    void pagefaultsSamplesFreshPages() throws IOException {
        Traced t = work.command("faulter", "fault", 20000, 0, 3500);
        Run r = runExample("pagefaults.stp", t.command());
        long faults = sum(r.out(), Pattern.compile(String.format("%6d %-16s", t.pid(), "faulter") + " ~(\\d+) faults"),
                " *\\d+ .{16} ~\\d+000 faults");
        // one sample per 1000 faults on a CPU, charged to whoever runs: within a sample per CPU either way
        assertTrue(faults >= 18000 && faults <= 22000 && faults % 1000 == 0, r.out());
    }

    @Test
    void profileShowsTheSpinningProcess() throws IOException {
        Traced t = work.command("spinner", "spin", 1, 2500, 0);
        Run r = runExample("profile.stp", t.command());
        List<String> lines = r.out().lines().toList();
        assertEquals(String.format("%6s %-16s %s", "PID", "COMMAND", "CPU%"), lines.get(0));
        long percent = sum(r.out(), Pattern.compile(String.format("%6d %-16s", t.pid(), "spinner")
                + " +(\\d+)\\.\\d\\d"), "( *PID COMMAND +CPU%| *\\d+ .{16} +\\d+\\.\\d\\d)");
        // one CPU busy of the machine's: at least half of its share, whether idle CPUs are sampled or not
        assertTrue(percent >= 50 / Runtime.getRuntime().availableProcessors(), r.out());
    }

    @Test
    void readlatencySummarisesEveryRead() {
        Run r = runExample("readlatency.stp", work.command("reader", "read", 5000, 4096, 0).command());
        List<String> lines = r.out().lines().toList();
        Matcher m = Pattern.compile("read\\(2\\): (\\d+) calls, min (\\d+)us, avg (\\d+)us, max (\\d+)us")
                .matcher(lines.get(0));
        assertTrue(m.matches(), r.out());
        assertTrue(Long.parseLong(m.group(1)) >= 5000, r.out());
        long min = Long.parseLong(m.group(2));
        long avg = Long.parseLong(m.group(3));
        assertTrue(min <= avg && avg <= Long.parseLong(m.group(4)), r.out());
        assertEquals("value |-------------------------------------------------- count", lines.get(1));
        for (String l : lines.subList(2, lines.size())) {
            assertTrue(l.isEmpty() || l.matches(" *~| *\\d+ \\|@* +\\d+"), l);
        }
    }

    @Test
    void readsizeHistogramHasTheWorkloadsReads() {
        Run r = runExample("readsize.stp", work.command("reader", "read", 5000, 4096, 0).command());
        List<String> lines = r.out().lines().toList();
        Matcher m = Pattern.compile("read\\(2\\) sizes: (\\d+) reads, (\\d+) bytes, avg (\\d+)").matcher(lines.get(0));
        assertTrue(m.matches(), r.out());
        assertTrue(Long.parseLong(m.group(1)) >= 5000 && Long.parseLong(m.group(2)) >= 5000L * 4096, r.out());
        long at4096 = sum(String.join("\n", lines.subList(1, lines.size())),
                Pattern.compile(" *4096 \\|@* +(\\d+)"), "|value \\|-{50} count| *~| *\\d+ \\|@* +\\d+");
        assertTrue(at4096 >= 5000, r.out());
    }

    @Test
    void schedswitchSeesEveryWakeOfTheSleeper() throws IOException {
        Traced t = work.command("napper", "sleep", 500, 1, 1200);
        Run r = runExample("schedswitch.stp", t.command());
        long wakes = sum(r.out(), Pattern.compile("  pid " + t.pid() + " scheduled (\\d+) times"),
                "(cpu\\d+: \\d+ switches/s|  pid \\d+ scheduled \\d+ times)");
        // events between a tick's printing and its delete are lost, as the script is written: most are seen
        assertTrue(wakes >= 475, r.out());
        assertTrue(r.out().startsWith("cpu"), r.out());
    }

    @Test
    void topsyscallsRanksTheLoopsCalls() {
        Run r = runExample("topsyscalls.stp", work.command("caller", "getppid", 20000, 0, 1500).command(), "1");
        assertTrue(r.out().startsWith("--- top system calls over 1 s\n"), r.out() + r.err());
        // ticks is read only by ++ticks, and is printed at the end as a written-only global
        long calls = sum(r.out(), Pattern.compile(String.format("%-20s", "getppid") + " *(\\d+)"),
                "(--- top system calls over 1 s|\\w{1,20} +\\d+|ticks=0x[0-9a-f]+)");
        // calls between a tick's printing and its delete are lost, as the script is written: most are seen
        assertTrue(calls >= 19000, r.out());
    }
}
