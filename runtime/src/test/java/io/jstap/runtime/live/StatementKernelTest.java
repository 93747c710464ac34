package io.jstap.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Statements and expressions typed at the prompt run at once, in userspace, on the live globals. */
class StatementKernelTest extends LiveKernelTest {

    private final int pid = tgid();

    @Test
    void expressionsPrintTheirValue() {
        assertEquals("3", value("1 + 2"));
        assertEquals("ab", value("\"a\" . \"b\""));
        SnippetEvent e = session.eval("1 + 2").get(0);
        assertEquals(Snippet.Kind.EXPRESSION, e.snippet().kind());
        assertEquals(Snippet.Status.EXECUTED, e.status());
        assertEquals(List.of(), session.snippets());
    }

    @Test
    void statementsRunAgainstTheGlobalsKernelProbesFill() {
        ok("global calls");
        ok("probe syscall.getppid { if (pid() == " + pid + ") calls[pid(), \"x\"] += 2 }");
        getppid(21);
        ok("foreach ([p, s] in calls) printf(\"%d %s %d\\n\", p, s, calls[p, s])");
        assertEquals(pid + " x 42\n", out.text());
        assertEquals("1", value("[" + pid + ", \"x\"] in calls"));
        ok("delete calls");
        assertEquals("0", value("[" + pid + ", \"x\"] in calls"));
        getppid(1);
        assertEquals("2", value("calls[" + pid + ", \"x\"]"));
    }

    @Test
    void aggregatesAndHistogramsAreReadFromTheKernel() {
        ok("global lat");
        ok("probe syscall.getppid { if (pid() == " + pid + ") lat <<< 5 }");
        ok("probe never { print(@hist_log(lat)) }");
        getppid(4);
        assertEquals("5", value("@avg(lat)"));
        assertEquals("4", value("@count(lat)"));
        String hist = value("@hist_log(lat)");
        assertTrue(hist.startsWith("value |"), hist);
        assertTrue(hist.contains("    4 |@@@@    "), hist);
    }

    @Test
    void aStatementThatWouldRetypeAGlobalIsNotRun() {
        ok("global x");
        ok("probe syscall.getppid { if (pid() == " + pid + ") x++ }");
        getppid(2);
        SnippetEvent e = session.eval("x = \"text\"").get(0);
        assertTrue(e.failed(), describe(e));
        assertEquals("2", value("x"));
    }

    @Test
    void runTimeErrorsNameTheStatementsOwnPosition() {
        ok("global zero");
        ok("probe begin { zero = 0 }");
        SnippetEvent e = session.eval("10 / zero").get(0);
        assertTrue(e.value() == null || e.value().isEmpty(), e.value());
        assertEquals("division by 0 near operator '/' at #3:1:4", e.error());
    }

    @Test
    void aRunningStatementStopsWhenInterrupted() throws Exception {
        session.set("MAXACTION", "100000000000");
        CompletableFuture<List<SnippetEvent>> run = CompletableFuture.supplyAsync(() -> session.eval("while (1) {}"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!session.interrupt()) {
            assertTrue(System.nanoTime() < deadline, "the statement never started");
            Thread.sleep(10);
        }
        SnippetEvent e = run.get(10, TimeUnit.SECONDS).get(0);
        assertEquals("interrupted", e.error());
        assertEquals("1", value("1"));
    }

    @Test
    void aNewBeginProbeRunsOnceWhenAdded() {
        ok("global n");
        ok("probe begin { n++; printf(\"begin %d\\n\", n) }");
        ok("function f() { return 1 }");
        assertEquals("begin 1\n", out.text());
        assertEquals("1", value("n"));
    }
}
