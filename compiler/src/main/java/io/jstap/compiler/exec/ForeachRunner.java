package io.jstap.compiler.exec;

import io.jstap.compiler.format.Stats;
import io.jstap.compiler.format.Utf8;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.StatsAgg;
import io.jstap.compiler.ir.SortSpec;
import io.jstap.compiler.ir.Stmt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code foreach} over a snapshot of a global: the limit is evaluated first, then the slice keys;
 * the elements are filtered by the slice and sorted stably (ties keep the store's order), as
 * stap's merge sort does. Statistics sorted by value compare the chosen aggregate; like stap,
 * {@code @variance} is not a sort key and falls back to {@code @count}.
 */
final class ForeachRunner {

    private final Execution x;

    ForeachRunner(Execution x) {
        this.x = x;
    }

    Flow run(Stmt.Foreach s) {
        x.charge(s);
        long limit = s.limit() == null ? Long.MAX_VALUE : x.eval.evalLong(s.limit());
        List<Object> slice = s.slice().isEmpty() ? null : x.eval.keys(s.slice());
        List<MapStore.Entry> entries = x.interp.store().entries(s.global());
        if (slice != null) {
            List<MapStore.Entry> kept = new ArrayList<>();
            for (MapStore.Entry en : entries) {
                if (ExprEval.matches(slice, en.key())) {
                    kept.add(en);
                }
            }
            entries = kept;
        }
        if (s.sort() != null) {
            entries = new ArrayList<>(entries);
            entries.sort(comparator(s.sort()));
        }
        Object[] slots = x.frame.slots;
        long done = 0;
        for (int i = 0; ; i++) {
            x.checkInterrupt();
            x.charge(s);
            if (i >= entries.size() || done++ >= limit) {
                return Flow.NORMAL;
            }
            MapStore.Entry en = entries.get(i);
            List<LocalVar> keyVars = s.keyVars();
            for (int k = 0; k < keyVars.size(); k++) {
                slots[keyVars.get(k).slot()] = en.key().get(k);
            }
            if (s.valueVar() != null) {
                if (en.value() instanceof Stats) {
                    throw new IllegalStateException("foreach value of statistics " + s.global());
                }
                slots[s.valueVar().slot()] = en.value();
            }
            Flow f = s.body().accept(x.exec);
            if (f == Flow.BREAK) {
                return Flow.NORMAL;
            }
            if (f == Flow.RETURN || f == Flow.NEXT) {
                return f;
            }
        }
    }

    static Comparator<MapStore.Entry> comparator(SortSpec sort) {
        Comparator<MapStore.Entry> c;
        if (sort.column() == 0) {
            StatsAgg agg = sort.aggregate() == null ? StatsAgg.COUNT : sort.aggregate();
            c = (a, b) -> compareValues(sortable(a.value(), agg), sortable(b.value(), agg));
        } else {
            int k = sort.column() - 1;
            c = (a, b) -> compareValues(a.key().get(k), b.key().get(k));
        }
        return sort.ascending() ? c : c.reversed();
    }

    private static Object sortable(Object v, StatsAgg agg) {
        if (!(v instanceof Stats st)) {
            return v;
        }
        switch (agg) {
            case SUM: return st.sum();
            case MIN: return st.min();
            case MAX: return st.max();
            case AVG: return st.count() == 0 ? 0L : st.avg();
            default: return st.count();
        }
    }

    private static int compareValues(Object a, Object b) {
        if (a instanceof String sa) {
            return Utf8.compare(sa, (String) b);
        }
        return Long.compare((Long) a, (Long) b);
    }
}
