package io.jstap.compiler.exec;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.SortSpec;
import io.jstap.compiler.ir.Stmt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LimitsTest {

    private final GlobalDecl count = scalar("count", IrType.LONG);
    private final Expr.GlobalVar countVar = gvar("count", IrType.LONG);

    private Stmt spin() {
        return whileAt(at(3, 5), num(1), blockAt(at(3, 15), s(inc(countVar))));
    }

    @Test
    void maxActionStopsAnEndlessLoop() {
        Harness h = new Harness(List.of(count));
        ProbeOutcome o = h.interp.runProbe(probe("timer.s(1)", List.of(), spin()), false);
        assertEquals("ERROR: MAXACTION exceeded near keyword at t.stp:3:5", o.errorLine());
        // 1 action for the loop, then 2 per iteration: the 1000th is the 500th iteration's check
        assertEquals(499L, h.store.get("count", List.of()));
    }

    @Test
    void beginAndEndProbesGetTenTimesTheBudget() {
        Harness h = new Harness(List.of(count));
        ProbeOutcome o = h.interp.runProbe(probe("begin", List.of(), spin()), true);
        assertEquals("ERROR: MAXACTION exceeded near keyword at t.stp:3:5", o.errorLine());
        assertEquals(4999L, h.store.get("count", List.of()));
    }

    @Test
    void maxActionIsConfigurable() {
        Harness h = new Harness(List.of(count), List.of(), RuntimeLimits.DEFAULTS.withMaxAction(11));
        LocalVar i = lv("i", IrType.LONG, 0);
        // straight-line statements count one each: the 11th fails
        Stmt[] body = new Stmt[12];
        for (int k = 0; k < body.length; k++) {
            body[k] = s(inc(countVar));
        }
        ProbeOutcome o = h.run(probe("timer.s(1)", List.of(i), body));
        assertEquals(ProbeOutcome.Status.ERROR, o.status());
        assertEquals(10L, h.store.get("count", List.of()));
    }

    @Test
    void maxActionCannotBeCaught() {
        Harness h = new Harness(List.of(count));
        LocalVar msg = lv("msg", IrType.STRING, 0);
        ProbeOutcome o = h.run(probe("timer.s(1)", List.of(msg),
                tryCatch(spin(), msg, p("caught %s\n", ref(msg)))));
        // the try statement's own action moves the 1000th onto the increment
        assertEquals("ERROR: MAXACTION exceeded near operator '++' at t.stp:1:1", o.errorLine());
        assertEquals("", h.out.text());
    }

    @Test
    void arrayOverflowAtMaxMapEntries() {
        GlobalDecl a = array("a", IrType.LONG, IrType.LONG);
        Harness h = new Harness(List.of(a), List.of(), RuntimeLimits.DEFAULTS.withMaxMapEntries(3));
        LocalVar i = lv("i", IrType.LONG, 0);
        Stmt fill = fors(set(ref(i), num(0)), cmp(CmpOp.LT, ref(i), num(10)), inc(ref(i)),
                s(set(elemAt(at(2, 3), "a", IrType.LONG, ref(i)), ref(i))));
        ProbeOutcome o = h.run(probe("timer.s(1)", List.of(i), fill));
        assertEquals("ERROR: Array overflow, check MAXMAPENTRIES near identifier 'a' at t.stp:2:3", o.errorLine());
        assertEquals(3, h.store.size("a"));
        // a full array still accepts updates of existing keys
        assertEquals("", h.output(List.of(i), s(set(elem("a", IrType.LONG, num(1)), num(100)))));
        assertEquals(100L, h.store.get("a", List.of(1L)));
    }

    @Test
    void arrayOverflowOfASizedGlobalNamesItsLimit() {
        GlobalDecl a = array("a", IrType.LONG, IrType.STRING).withMaxEntries(2);
        Harness h = new Harness(List.of(a));
        assertEquals("ERROR: Array overflow, check size limit (2) near identifier 'a' at t.stp:7:1",
                h.error(s(inc(elem("a", IrType.LONG, str("x")))),
                        s(inc(elem("a", IrType.LONG, str("y")))),
                        s(inc(elemAt(at(7, 1), "a", IrType.LONG, str("z"))))));
    }

    @Test
    void statisticsArraysOverflowToo() {
        GlobalDecl st = GlobalDecl.stats("st", List.of(IrType.LONG), io.jstap.compiler.format.HistogramSpec.NONE, L0)
                .withMaxEntries(1);
        Harness h = new Harness(List.of(st));
        assertEquals("ERROR: Array overflow, check size limit (1) near identifier 'st' at t.stp:4:4",
                h.error(s(add(elem("st", IrType.STATS, num(1)), num(5))),
                        s(add(elemAt(at(4, 4), "st", IrType.STATS, num(2)), num(5)))));
    }

    @Test
    void wrappingArrayDropsItsOldestElement() {
        GlobalDecl a = array("a", IrType.LONG, IrType.LONG).withMaxEntries(3).withWrap(true);
        Harness h = new Harness(List.of(a));
        LocalVar i = lv("i", IrType.LONG, 0);
        LocalVar k = lv("k", IrType.LONG, 1);
        String out = h.output(List.of(i, k),
                fors(set(ref(i), num(1)), cmp(CmpOp.LE, ref(i), num(5)), inc(ref(i)),
                        s(set(elem("a", IrType.LONG, ref(i)), bin(BinOp.MUL, ref(i), num(10))))),
                foreach("a", List.of(k), null, null, null, p("%d=%d ", ref(k), elem("a", IrType.LONG, ref(k)))));
        assertEquals("3=30 4=40 5=50 ", out);
    }

    /** f(n) = n <= 0 ? 0 : 1 + f(n - 1), its recursive call at t.stp:9:20. */
    private static FunctionDecl countdown() {
        LocalVar n = lv("n", IrType.LONG, 0);
        return function("f", List.of(n), IrType.LONG, List.of(),
                ifs(cmp(CmpOp.LE, ref(n), num(0)), ret(num(0)), null),
                ret(bin(BinOp.ADD, num(1), callAt(at(9, 20), "f", IrType.LONG, bin(BinOp.SUB, ref(n), num(1))))));
    }

    private static ProbeBody callF(long arg) {
        return probe("begin", List.of(), p("%d\n", call("f", IrType.LONG, num(arg))));
    }

    @Test
    void recursionGetsStapsDefaultNesting() {
        Harness h = new Harness(List.of(), List.of(countdown()));
        // deepest chain 2 (f calls f, seen recursive) + 1, plus 10 for recursion
        assertEquals(13, h.interp.maxNesting());
        assertEquals(ProbeOutcome.Status.OK, h.interp.runProbe(callF(12), true).status());
        assertEquals("12\n", h.out.take());
        assertEquals("ERROR: MAXNESTING exceeded near identifier 'f' at t.stp:9:20",
                h.interp.runProbe(callF(13), true).errorLine());
    }

    @Test
    void nestingLimitCanBeSet() {
        Harness h = new Harness(List.of(), List.of(countdown()), RuntimeLimits.DEFAULTS.withMaxNesting(5));
        assertEquals(ProbeOutcome.Status.OK, h.interp.runProbe(callF(4), true).status());
        assertEquals("ERROR: MAXNESTING exceeded near identifier 'f' at t.stp:9:20",
                h.interp.runProbe(callF(5), true).errorLine());
    }

    @Test
    void nestingErrorCanBeCaught() {
        Harness h = new Harness(List.of(), List.of(countdown()), RuntimeLimits.DEFAULTS.withMaxNesting(3));
        LocalVar msg = lv("msg", IrType.STRING, 0);
        ProbeOutcome o = h.interp.runProbe(probe("begin", List.of(msg),
                tryCatch(p("%d\n", call("f", IrType.LONG, num(50))), msg, p("caught: %s\n", ref(msg))),
                p("%d\n", call("f", IrType.LONG, num(2)))), true);
        assertEquals(ProbeOutcome.Status.OK, o.status());
        assertEquals("caught: MAXNESTING exceeded\n2\n", h.out.text());
    }

    @Test
    void unsortedForeachIsBoundedByMaxActionToo() {
        GlobalDecl a = array("a", IrType.LONG, IrType.LONG);
        Harness h = new Harness(List.of(a), List.of(), RuntimeLimits.DEFAULTS.withMaxAction(6));
        LocalVar k = lv("k", IrType.LONG, 0);
        h.store.put("a", List.of(1L), 1L);
        h.store.put("a", List.of(2L), 2L);
        h.store.put("a", List.of(3L), 3L);
        // 1 for the loop, then per element 1 iteration + 1 printf: fails at the 3rd element's iteration
        ProbeOutcome o = h.run(probe("timer.s(1)", List.of(k),
                new Stmt.Foreach("a", List.of(k), null, List.of(), SortSpec.byKey(1, true), null,
                        p("%d ", ref(k)), at(6, 1))));
        assertEquals("ERROR: MAXACTION exceeded near keyword at t.stp:6:1", o.errorLine());
        assertEquals("1 2 ", h.out.text());
    }
}
