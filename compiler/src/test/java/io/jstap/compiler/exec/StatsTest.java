package io.jstap.compiler.exec;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops.StatsAgg;
import io.jstap.compiler.ir.Stmt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StatsTest {

    private final GlobalDecl s = GlobalDecl.stats("s", List.of(), HistogramSpec.LOG, L0);
    private final GlobalDecl byName = GlobalDecl.stats("by", List.of(IrType.STRING), HistogramSpec.linear(0, 100, 10), L0);
    private final Harness h = new Harness(List.of(s, byName));
    private final Expr.GlobalVar sv = gvar("s", IrType.STATS);

    private Stmt feed(long... values) {
        Stmt[] out = new Stmt[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = s(add(sv, num(values[i])));
        }
        return block(out);
    }

    private Stmt showAll(Expr src) {
        return p("%d %d %d %d %d %d\n", agg(StatsAgg.COUNT, src), agg(StatsAgg.SUM, src),
                agg(StatsAgg.MIN, src), agg(StatsAgg.MAX, src), agg(StatsAgg.AVG, src), agg(StatsAgg.VARIANCE, src));
    }

    @Test
    void aggregatesOfScalarStatistics() {
        // stap's integer Welford variance: 166 for 10, 20, 30, 40
        assertEquals("4 100 10 40 25 166\n", h.output(feed(10, 20, 30, 40), showAll(sv)));
    }

    @Test
    void negativeValuesAndAverageTruncation() {
        assertEquals("3 -7 -9 1 -2\n", h.output(feed(-9, 1, 1),
                p("%d %d %d %d %d\n", agg(StatsAgg.COUNT, sv), agg(StatsAgg.SUM, sv),
                        agg(StatsAgg.MIN, sv), agg(StatsAgg.MAX, sv), agg(StatsAgg.AVG, sv))));
    }

    @Test
    void statsAddYieldsTheAddedValue() {
        assertEquals("7\n", h.output(p("%d\n", add(sv, num(7)))));
    }

    @Test
    void countAndSumOfEmptyStatisticsAreZero() {
        assertEquals("0 0\n", h.output(p("%d %d\n", agg(StatsAgg.COUNT, sv), agg(StatsAgg.SUM, sv))));
    }

    @Test
    void otherAggregatesOfEmptyStatisticsAreErrors() {
        assertEquals("ERROR: empty aggregate near operator '@min' at t.stp:4:7",
                h.error(p("%d\n", agg(StatsAgg.MIN, sv, at(4, 7)))));
        assertEquals("ERROR: empty aggregate near operator '@avg' at t.stp:5:1",
                h.error(p("%d\n", agg(StatsAgg.AVG, elem("by", IrType.STATS, str("nobody")), at(5, 1)))));
        assertEquals("ERROR: empty aggregate near operator '@variance' at t.stp:6:2",
                h.error(p("%d\n", agg(StatsAgg.VARIANCE, sv, at(6, 2)))));
    }

    @Test
    void keyedStatisticsAreSeparate() {
        Expr a = elem("by", IrType.STATS, str("a"));
        Expr b = elem("by", IrType.STATS, str("b"));
        assertEquals("2 30 1 7\n", h.output(
                s(add((Expr.LValue) a, num(10))), s(add((Expr.LValue) a, num(20))), s(add((Expr.LValue) b, num(7))),
                p("%d %d %d %d\n", agg(StatsAgg.COUNT, a), agg(StatsAgg.SUM, a), agg(StatsAgg.COUNT, b), agg(StatsAgg.MAX, b))));
    }

    @Test
    void printOfAHistogramDrawsItAsStapDoes() {
        String out = h.output(feed(1, 2, 2, 3, 8),
                s(fn("print", IrType.VOID, new Expr.Hist(HistogramSpec.LOG, sv, L0))));
        assertEquals(
                "value |-------------------------------------------------- count\n"
                        + "    0 |                                                   0\n"
                        + "    1 |@                                                  1\n"
                        + "    2 |@@@                                                3\n"
                        + "    4 |                                                   0\n"
                        + "    8 |@                                                  1\n"
                        + "   16 |                                                   0\n"
                        + "   32 |                                                   0\n"
                        + "\n", out);
        Stats expected = new Stats(HistogramSpec.LOG, 0);
        for (long v : new long[] {1, 2, 2, 3, 8}) {
            expected.add(v);
        }
        assertEquals(io.jstap.compiler.format.HistogramPrinter.render(expected), out);
    }

    @Test
    void printOfAnEmptyHistogramIsAnError() {
        assertEquals("ERROR: empty aggregate near identifier 'print' at t.stp:9:3",
                h.error(s(fnAt(at(9, 3), "print", IrType.VOID, new Expr.Hist(HistogramSpec.LOG, sv, L0)))));
    }

    @Test
    void histogramBucketsCanBeIndexed() {
        Expr.Hist lin = new Expr.Hist(byName.histogram(), elem("by", IrType.STATS, str("k")), at(2, 2));
        Expr.LValue k = elem("by", IrType.STATS, str("k"));
        // linear 0..100 step 10: bucket 0 underflow, bucket i+1 holds [10i, 10i+10)
        assertEquals("2 1 1\n", h.output(
                s(add(k, num(15))), s(add(k, num(19))), s(add(k, num(-3))), s(add(k, num(55))),
                p("%d %d %d\n", new Expr.HistBucket(lin, num(2), L0), new Expr.HistBucket(lin, num(0), L0),
                        new Expr.HistBucket(lin, num(6), L0))));
        assertEquals("ERROR: histogram index out of range near operator '@hist_linear' at t.stp:2:2",
                h.error(p("%d\n", new Expr.HistBucket(lin, num(99), L0))));
    }
}
