package io.jstap.compiler.exec;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.StatsAgg;
import io.jstap.compiler.ir.Stmt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeleteTest {

    private final GlobalDecl a = array("a", IrType.LONG, IrType.LONG, IrType.STRING);
    private final GlobalDecl n = scalar("n", IrType.LONG).withInitialValue(5L);
    private final GlobalDecl t = scalar("t", IrType.STRING);
    private final GlobalDecl st = GlobalDecl.stats("st", List.of(IrType.LONG), HistogramSpec.NONE, L0);
    private final GlobalDecl total = GlobalDecl.stats("total", List.of(), HistogramSpec.NONE, L0);
    private final Harness h = new Harness(List.of(a, n, t, st, total));

    DeleteTest() {
        h.output(put(1, "x"), put(1, "y"), put(2, "x"), put(3, "z"));
    }

    private static Stmt put(long k1, String k2) {
        return s(set(elem("a", IrType.LONG, num(k1), str(k2)), num(k1 * 10)));
    }

    private String keys() {
        StringBuilder b = new StringBuilder();
        for (MapStore.Entry e : h.store.entries("a")) {
            b.append(e.key()).append(' ');
        }
        return b.toString().trim();
    }

    @Test
    void deleteOneElement() {
        assertEquals("1 0\n", h.output(
                p("%d ", in("a", num(1), str("y"))),
                new Stmt.DeleteElement("a", List.of(num(1), str("y")), L0),
                p("%d\n", in("a", num(1), str("y")))));
        assertEquals("[1, x] [2, x] [3, z]", keys());
    }

    @Test
    void deletingAMissingElementDoesNothing() {
        h.output(delete("a", num(9), str("x")));
        assertEquals("[1, x] [1, y] [2, x] [3, z]", keys());
    }

    @Test
    void deleteSliceWithWildcards() {
        h.output(delete("a", any(), str("x")));
        assertEquals("[1, y] [3, z]", keys());
        h.output(delete("a", num(1), any()));
        assertEquals("[3, z]", keys());
    }

    @Test
    void membershipWithWildcards() {
        assertEquals("1 0 1\n", h.output(p("%d %d %d\n",
                in("a", any(), str("z")), in("a", num(2), str("z")), in("a", any(), any()))));
    }

    @Test
    void deleteWholeArray() {
        assertEquals("0\n", h.output(deleteAll("a"), p("%d\n", in("a", any(), any()))));
        assertEquals(0, h.store.size("a"));
    }

    @Test
    void deleteScalarsResetsThem() {
        assertEquals("5 hi\n0 []\n", h.output(
                s(set(gvar("t", IrType.STRING), str("hi"))),
                p("%d %s\n", gvar("n", IrType.LONG), gvar("t", IrType.STRING)),
                deleteAll("n"), deleteAll("t"),
                p("%d [%s]\n", gvar("n", IrType.LONG), gvar("t", IrType.STRING))));
        assertNull(h.store.get("n", List.of()));
    }

    @Test
    void deleteLocal() {
        LocalVar v = lv("v", IrType.STRING, 0);
        assertEquals("[abc] []\n", h.output(List.of(v),
                s(set(ref(v), str("abc"))),
                p("[%s] ", ref(v)),
                new Stmt.DeleteLocal(v, L0),
                p("[%s]\n", ref(v))));
    }

    @Test
    void deleteStatistics() {
        Expr.LValue s1 = elem("st", IrType.STATS, num(1));
        Expr.LValue s2 = elem("st", IrType.STATS, num(2));
        Expr.GlobalVar tot = gvar("total", IrType.STATS);
        assertEquals("0 1 0\n", h.output(
                s(add(s1, num(4))), s(add(s2, num(4))), s(add(tot, num(8))),
                delete("st", num(1)), deleteAll("total"),
                p("%d %d %d\n", agg(StatsAgg.COUNT, s1), agg(StatsAgg.COUNT, s2), agg(StatsAgg.COUNT, tot))));
    }

    @Test
    void readingAMissingElementDoesNotCreateIt() {
        assertEquals("0 []\n", h.output(p("%d [%s]\n", elem("a", IrType.LONG, num(7), str("q")), gvar("t", IrType.STRING))));
        assertEquals(4, h.store.size("a"));
    }
}
