package io.jstap.compiler.exec;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.SortSpec;
import io.jstap.compiler.ir.Stmt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ForeachTest {

    private final GlobalDecl a = array("a", IrType.LONG, IrType.LONG, IrType.STRING);
    private final Harness h = new Harness(List.of(a));
    private final LocalVar k1 = lv("k1", IrType.LONG, 0);
    private final LocalVar k2 = lv("k2", IrType.STRING, 1);
    private final LocalVar v = lv("v", IrType.LONG, 2);
    private final LocalVar n = lv("n", IrType.LONG, 3);
    private final List<LocalVar> locals = List.of(k1, k2, v, n);

    ForeachTest() {
        h.output(
                put(2, "b", 20), put(1, "z", 5), put(1, "a", 30), put(3, "a", 20), put(2, "a", 10));
    }

    private static Stmt put(long x, String y, long value) {
        return s(set(elem("a", IrType.LONG, num(x), str(y)), num(value)));
    }

    private Stmt show() {
        return p("%d,%s=%d ", ref(k1), ref(k2), elem("a", IrType.LONG, ref(k1), ref(k2)));
    }

    private String loop(SortSpec sort, Expr limit) {
        return h.output(locals, foreach("a", List.of(k1, k2), null, sort, limit, show()));
    }

    @Test
    void unsortedFollowsInsertionOrder() {
        assertEquals("2,b=20 1,z=5 1,a=30 3,a=20 2,a=10 ", loop(null, null));
    }

    @Test
    void sortOnFirstKeyIsStable() {
        assertEquals("1,z=5 1,a=30 2,b=20 2,a=10 3,a=20 ", loop(SortSpec.byKey(1, true), null));
        assertEquals("3,a=20 2,b=20 2,a=10 1,z=5 1,a=30 ", loop(SortSpec.byKey(1, false), null));
    }

    @Test
    void sortOnSecondKeyComparesStrings() {
        assertEquals("1,a=30 3,a=20 2,a=10 2,b=20 1,z=5 ", loop(SortSpec.byKey(2, true), null));
        assertEquals("1,z=5 2,b=20 1,a=30 3,a=20 2,a=10 ", loop(SortSpec.byKey(2, false), null));
    }

    @Test
    void sortOnValue() {
        assertEquals("1,a=30 2,b=20 3,a=20 2,a=10 1,z=5 ", loop(SortSpec.byValue(false), null));
        assertEquals("1,z=5 2,a=10 2,b=20 3,a=20 1,a=30 ", loop(SortSpec.byValue(true), null));
    }

    @Test
    void limitStopsAfterNIterations() {
        assertEquals("1,z=5 2,a=10 2,b=20 ", loop(SortSpec.byValue(true), num(3)));
        assertEquals("", loop(SortSpec.byValue(true), num(0)));
        assertEquals("", loop(null, num(-4)));
        assertEquals("2,b=20 1,z=5 1,a=30 3,a=20 2,a=10 ", loop(null, num(99)));
    }

    @Test
    void limitIsEvaluatedOnceBeforeTheLoop() {
        // limit n++ : n is 1 after the loop, however many iterations ran
        String out = h.output(locals,
                foreach("a", List.of(k1, k2), null, SortSpec.byKey(1, true), inc(ref(n)), show()),
                p("n=%d", ref(n)));
        assertEquals("n=1", out);
        out = h.output(locals,
                s(set(ref(n), num(2))),
                foreach("a", List.of(k1, k2), null, SortSpec.byKey(1, true), inc(ref(n)), show()),
                p("n=%d", ref(n)));
        assertEquals("1,z=5 1,a=30 n=3", out);
    }

    @Test
    void valueVariableIsBound() {
        String out = h.output(locals,
                foreach("a", List.of(k1, k2), v, SortSpec.byValue(false), num(2),
                        p("%s:%d ", ref(k2), ref(v))));
        assertEquals("a:30 b:20 ", out);
    }

    @Test
    void sliceSelectsMatchingKeys() {
        assertEquals("2,b=20 2,a=10 ", h.output(locals,
                foreachSlice("a", List.of(k1, k2), List.of(num(2), any()), show())));
        assertEquals("1,a=30 3,a=20 2,a=10 ", h.output(locals,
                foreachSlice("a", List.of(k1, k2), List.of(any(), str("a")), show())));
    }

    @Test
    void breakAndContinue() {
        Stmt body = block(
                ifs(cmp(CmpOp.EQ, ref(k1), num(1)), cont(), null),
                ifs(cmp(CmpOp.EQ, ref(k1), num(3)), brk(), null),
                show());
        assertEquals("2,b=20 2,a=10 ", h.output(locals,
                foreach("a", List.of(k1, k2), null, SortSpec.byKey(1, true), null, body)));
    }

    @Test
    void emptyArrayRunsNoIteration() {
        Harness empty = new Harness(List.of(a));
        assertEquals("done", empty.output(locals,
                foreach("a", List.of(k1, k2), null, SortSpec.byValue(true), null, show()), p("done")));
    }

    @Test
    void statisticsSortOnTheChosenAggregate() {
        GlobalDecl st = GlobalDecl.stats("st", List.of(IrType.STRING), io.jstap.compiler.format.HistogramSpec.NONE, L0);
        Harness hs = new Harness(List.of(st));
        LocalVar k = lv("k", IrType.STRING, 0);
        hs.output(
                s(add(elem("st", IrType.STATS, str("x")), num(100))),
                s(add(elem("st", IrType.STATS, str("y")), num(1))),
                s(add(elem("st", IrType.STATS, str("y")), num(2))),
                s(add(elem("st", IrType.STATS, str("y")), num(3))),
                s(add(elem("st", IrType.STATS, str("z")), num(50))),
                s(add(elem("st", IrType.STATS, str("z")), num(-40))));
        Stmt body = p("%s ", ref(k));
        assertEquals("y z x ", hs.output(List.of(k), foreach("st", List.of(k), null,
                SortSpec.byValue(false), null, body)));
        assertEquals("x z y ", hs.output(List.of(k), foreach("st", List.of(k), null,
                new SortSpec(0, false, io.jstap.compiler.ir.Ops.StatsAgg.SUM), null, body)));
        assertEquals("z y x ", hs.output(List.of(k), foreach("st", List.of(k), null,
                new SortSpec(0, true, io.jstap.compiler.ir.Ops.StatsAgg.MIN), null, body)));
        assertEquals("y z x ", hs.output(List.of(k), foreach("st", List.of(k), null,
                new SortSpec(0, true, io.jstap.compiler.ir.Ops.StatsAgg.AVG), null, body)));
        // like stap, @variance is no sort key: it sorts on @count
        assertEquals("x z y ", hs.output(List.of(k), foreach("st", List.of(k), null,
                new SortSpec(0, true, io.jstap.compiler.ir.Ops.StatsAgg.VARIANCE), null, body)));
    }
}
