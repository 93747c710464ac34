package io.jstap.compiler.exec;

import io.jstap.compiler.format.Stats;
import io.jstap.compiler.format.StatsException;
import io.jstap.compiler.ir.Expr;

import java.util.List;

/**
 * Reads statistics: {@code @count} and {@code @sum} of an empty statistic are 0; the other
 * aggregates, and histogram buckets, fail with stap's "empty aggregate" near the operator.
 */
final class StatsReader {

    private final Execution x;
    private final ExprEval eval;

    StatsReader(Execution x, ExprEval eval) {
        this.x = x;
        this.eval = eval;
    }

    /** The folded statistics a STATS GlobalVar or GlobalElem names, or null if none were added. */
    Stats read(Expr source) {
        if (source instanceof Expr.GlobalVar g) {
            return x.interp.store().stats(g.name(), List.of());
        }
        if (source instanceof Expr.GlobalElem g) {
            return x.interp.store().stats(g.name(), eval.keys(g.keys()));
        }
        throw new IllegalStateException("statistics source must be a global, got " + source);
    }

    Object aggregate(Expr.StatsOp e) {
        Stats s = read(e.source());
        switch (e.agg()) {
            case COUNT:
                return s == null ? 0L : s.count();
            case SUM:
                return s == null ? 0L : s.sum();
            default:
                break;
        }
        if (s == null) {
            throw x.error(StatsException.EMPTY_AGGREGATE, e);
        }
        try {
            switch (e.agg()) {
                case MIN: return s.min();
                case MAX: return s.max();
                case AVG: return s.avg();
                default: return s.variance();
            }
        } catch (StatsException err) {
            throw x.error(err.getMessage(), e);
        }
    }

    HistValue histogram(Expr.Hist e) {
        return new HistValue(read(e.source()));
    }

    Object bucket(Expr.HistBucket e) {
        HistValue h = histogram(e.hist());
        long index = eval.evalLong(e.index());
        if (h.empty()) {
            throw x.error(StatsException.EMPTY_AGGREGATE, e.hist());
        }
        long[] buckets = h.stats().buckets();
        if (index < 0 || index >= buckets.length) {
            throw x.error("histogram index out of range", e.hist());
        }
        return buckets[(int) index];
    }
}
