package io.jstap.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.ScriptCompiler;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * process begin and end, and the -c/-x restriction of process probes, over programs the test builds and
 * runs: exact counts of starts, exits, marks and function calls.
 */
class ProcessEventsKernelTest extends SessionKernelTest {

    @TempDir
    Path dir;

    @Test
    void beginAndEndOfAProgramByPathAndOfAnyProcess() throws Exception {
        Path a = Workload.build(dir, "loopa");
        Path b = Workload.build(dir, "loopb");
        String script = "global pb, pe, anyb, anye, who\n"
                + "probe process(\"" + a + "\").begin { pb++; who[pid()] = 1 }\n"
                + "probe process(\"" + a + "\").end { if (pid() in who) pe++ }\n"
                + "probe process.begin { anyb[execname()]++ }\n"
                + "probe process.end { anye[execname()]++ }\n"
                + "probe end { printf(\"%d %d %d %d %d %d\\n\", pb, pe, anyb[\"loopa\"], anyb[\"loopb\"], "
                + "anye[\"loopa\"], anye[\"loopb\"]) }\n";
        // a shell runs loopa twice and loopb once: each exec is one begin, each exit one end
        String out = Workload.run(script, "sh -c '" + a + " 2; " + a + " 3; " + b + " 1; true'");
        assertEquals("2 2 2 1 2 1\n", out);
    }

    /**
     * A script declaring {@code globals}, with one probe per entry ({@code .mark(..) {..}} is on
     * process("prog")) and an end probe printing every global with %d.
     */
    private static String script(Path prog, String globals, String... probes) {
        StringBuilder s = new StringBuilder("global " + globals + "\n");
        for (String p : probes) {
            s.append("probe ").append(p.startsWith(".") ? "process(\"" + prog + "\")" : "").append(p).append('\n');
        }
        String[] names = globals.split(",\\s*");
        return s.append("probe end { printf(\"").append("%d ".repeat(names.length).strip()).append("\\n\", ")
                .append(String.join(", ", names)).append(") }\n").toString();
    }

    @Test
    void theCommandAloneIsProbedWhileAnotherCopyRuns() throws Exception {
        Path a = Workload.build(dir, "loopc");
        Process noise = new ProcessBuilder(a.toString(), "100000", "2000").start();
        try {
            String script = script(a, "ticks, sum, calls, begins, ends", ".mark(\"tick\") { ticks++; sum += $arg1 }",
                    ".function(\"jt_work\") { calls++ }", ".begin { begins++ }",
                    "process.end { if (execname() == \"loopc\") ends++ }");
            assertEquals("50 1275 50 1 1\n", Workload.run(script, a + " 50 1000"));
            assertTrue(noise.isAlive(), "the other copy ran all along");
        } finally {
            noise.destroyForcibly();
            noise.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void minusXLimitsProbesToThatProcess() throws Exception {
        Path a = Workload.build(dir, "loopx");
        // both copies wait until the probe on "gated" is attached (the kernel then sets its semaphore in them)
        Process target = new ProcessBuilder(a.toString(), "30", "0", "wait").start();
        Process other = new ProcessBuilder(a.toString(), "45", "0", "wait").start();
        try {
            String script = script(a, "ticks, gated", ".mark(\"tick\") { ticks++ }", ".mark(\"gated\") { gated++ }",
                    ".end { exit() }");
            assertEquals("30 30\n", Workload.run(script, null, (int) target.pid()));
            assertTrue(other.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, other.exitValue());
        } finally {
            target.destroyForcibly();
            other.destroyForcibly();
        }
    }

    @Test
    void endOfAProcessById() throws Exception {
        Path a = Workload.build(dir, "loopd");
        Process child = new ProcessBuilder(a.toString(), "20", "100000").start(); // about 2 s
        long pid = child.pid();
        String out = Workload.run("probe process(" + pid + ").end { printf(\"end %d %s\\n\", pid(), execname()); "
                + "exit() }\n", null);
        assertEquals("end " + pid + " loopd\n", out);
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
    }

    @Test
    void diagnostics() {
        ScriptCompiler.Result r = Workload.compile("probe process(\"/no/such/prog\").begin { }", 0);
        assertEquals("cannot find executable '/no/such/prog' for process(\"/no/such/prog\")",
                r.diagnostics().list().get(0).message());
        r = Workload.compile("probe process(42).begin { }", 0);
        assertTrue(r.diagnostics().list().get(0).message().startsWith("process(42).begin would fire only for a "
                + "process that already runs"), r.diagnostics().render());
    }
}
