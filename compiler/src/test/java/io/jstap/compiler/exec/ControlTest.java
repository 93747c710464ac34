package io.jstap.compiler.exec;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.SortSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlTest {

    private final GlobalDecl hits = array("hits", IrType.LONG, IrType.LONG);
    private final Harness h = new Harness(List.of(hits));

    @Test
    void exitLetsTheHandlerFinish() {
        assertFalse(h.interp.exitRequested());
        ProbeOutcome o = h.run(probe("timer.s(1)", List.of(), p("a\n"), s(fn("exit", IrType.VOID)), p("b\n")));
        assertEquals(ProbeOutcome.Status.OK, o.status());
        assertEquals("a\nb\n", h.out.text());
        assertTrue(h.interp.exitRequested());
    }

    @Test
    void abortStopsAtOnce() {
        LocalVar m = lv("m", IrType.STRING, 0);
        ProbeOutcome o = h.run(probe("timer.s(1)", List.of(m),
                p("a\n"), tryCatch(s(fn("abort", IrType.VOID)), m, p("caught\n")), p("b\n")));
        assertEquals(ProbeOutcome.Status.ABORTED, o.status());
        assertEquals("a\n", h.out.text());
        assertTrue(h.interp.exitRequested());
    }

    @Test
    void interruptStopsALoopAndClearsTheFlag() {
        Thread.currentThread().interrupt();
        ProbeOutcome o = h.interp.runProbe(probe("begin", List.of(), whiles(num(1), block())), true);
        assertEquals(ProbeOutcome.Status.INTERRUPTED, o.status());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void interruptFromAnotherThreadStopsALongForeach() throws Exception {
        LocalVar k = lv("k", IrType.LONG, 0);
        // a practically unlimited budget and a foreach that runs forever over a large array
        Harness big = new Harness(List.of(hits), List.of(),
                RuntimeLimits.DEFAULTS.withMaxAction(Long.MAX_VALUE / 20).withMaxMapEntries(100_000));
        for (long i = 0; i < 100_000; i++) {
            big.store.put("hits", List.of(i), i);
        }
        ProbeOutcome[] result = new ProbeOutcome[1];
        Thread t = new Thread(() -> result[0] = big.interp.runProbe(probe("begin", List.of(k),
                whiles(num(1), foreach("hits", List.of(k), null, SortSpec.byValue(false), null, block()))), true));
        t.start();
        Thread.sleep(100);
        t.interrupt();
        t.join(5000);
        assertFalse(t.isAlive());
        assertEquals(ProbeOutcome.Status.INTERRUPTED, result[0].status());
    }

    @Test
    void contextFunctionsDescribeTheHost() {
        assertEquals("4242 4243 1 1000 1001 100 101 jstap 3 77 timer.s(1)\n", h.output(
                p("%d %d %d %d %d %d %d %s %d %d %s\n",
                        fn("pid", IrType.LONG), fn("tid", IrType.LONG), fn("ppid", IrType.LONG),
                        fn("uid", IrType.LONG), fn("euid", IrType.LONG), fn("gid", IrType.LONG),
                        fn("egid", IrType.LONG), fn("execname", IrType.STRING), fn("cpu", IrType.LONG),
                        fn("target", IrType.LONG), fn("pp", IrType.STRING))));
    }

    @Test
    void clocks() {
        assertEquals("1700000000 1700000000123 1700000000123456 1700000000123456789 5000000000 5\n", h.output(
                p("%d %d %d %d %d %d\n", fn("gettimeofday_s", IrType.LONG), fn("gettimeofday_ms", IrType.LONG),
                        fn("gettimeofday_us", IrType.LONG), fn("gettimeofday_ns", IrType.LONG),
                        fn("local_clock_ns", IrType.LONG), fn("local_clock_s", IrType.LONG))));
    }

    @Test
    void warnAndLog() {
        assertEquals("line\n", h.output(s(fn("warn", IrType.VOID, str("careful"))), s(fn("log", IrType.VOID, str("line")))));
        assertEquals(List.of("careful"), h.out.warnings());
    }

    @Test
    void randint() {
        LocalVar r = lv("r", IrType.LONG, 0);
        for (int i = 0; i < 50; i++) {
            h.output(List.of(r), s(set(ref(r), fn("randint", IrType.LONG, num(10)))),
                    s(inc(elem("hits", IrType.LONG, ref(r)))));
        }
        for (MapStore.Entry e : h.store.entries("hits")) {
            long k = (Long) e.key().get(0);
            assertTrue(k >= 0 && k < 10, "randint(10) gave " + k);
        }
        assertEquals("0\n", h.output(p("%d\n", fn("randint", IrType.LONG, num(0)))));
        assertEquals("ERROR: range too wide near identifier 'randint' at t.stp:3:3",
                h.error(p("%d\n", fnAt(at(3, 3), "randint", IrType.LONG, num(-1)))));
    }

    @Test
    void unknownBuiltinIsAClearError() {
        assertEquals("ERROR: function 'user_string' is not available in a userspace probe near identifier 'user_string' at t.stp:1:1",
                h.error(p("%s\n", fn("user_string", IrType.STRING, num(0)))));
        assertTrue(Builtins.supports("printf") || Builtins.supports("print"));
        assertFalse(Builtins.supports("user_string"));
    }

    @Test
    void contextReadsAreRejectedInUserspace() {
        assertEquals("ERROR: kernel context is not available in a userspace probe near identifier '$prev_pid' at t.stp:1:1",
                h.error(p("%d\n", new Expr.TracepointField("prev_pid", 8, 4, true, false, false, L0))));
    }

    @Test
    void evaluateComputesAnExpressionAgainstTheStore() {
        h.store.put("hits", List.of(5L), 21L);
        ProbeOutcome o = h.interp.evaluate(bin(BinOp.MUL, elem("hits", IrType.LONG, num(5)), num(2)), List.of());
        assertEquals(ProbeOutcome.ok(42L), o);
        assertEquals("x=21", h.interp.evaluate(sprintf("x=%d", elem("hits", IrType.LONG, num(5))), List.of()).value());
        assertNull(h.interp.evaluate(printf("printed\n"), List.of()).value());
        assertEquals("printed\n", h.out.text());
        assertEquals("division by 0 near operator '/' at t.stp:1:1",
                h.interp.evaluate(bin(BinOp.DIV, num(1), num(0)), List.of()).message());
    }

    @Test
    void globalInitialisersAndReadModifyWrite() {
        GlobalDecl n = scalar("n", IrType.LONG).withInitialValue(40L);
        Harness h2 = new Harness(List.of(n));
        assertEquals("42\n", h2.output(s(inc(gvar("n", IrType.LONG))), s(inc(gvar("n", IrType.LONG))),
                p("%d\n", gvar("n", IrType.LONG))));
    }
}
