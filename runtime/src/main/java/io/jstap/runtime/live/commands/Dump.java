package io.jstap.runtime.live.commands;

import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.format.HistogramPrinter;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.format.ValueText;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.GlobalKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code :dump}: one global's elements as an aligned table (statistics as count, sum, min, max and avg, with
 * their histograms drawn) or as one JSON object. By default the largest values come first; {@code --sort key}
 * orders by key, {@code --sort value} by value ascending, {@code --desc} reverses the chosen order and
 * {@code --top N} keeps the first N.
 */
final class Dump {

    /** How to order and cut. {@code sort} is "key", "value" or null (largest value first). */
    record Options(String sort, boolean desc, int top, boolean json) {
    }

    private Dump() {
    }

    static List<MapStore.Entry> order(List<MapStore.Entry> entries, Options o) {
        List<MapStore.Entry> sorted = new ArrayList<>(entries);
        Comparator<MapStore.Entry> cmp;
        boolean reverse;
        if ("key".equals(o.sort())) {
            cmp = (a, b) -> compareKeys(a.key(), b.key());
            reverse = o.desc();
        } else {
            cmp = (a, b) -> compareValues(a.value(), b.value());
            reverse = o.sort() == null ? !o.desc() : o.desc();
        }
        // ties keep key order, so equal counts list predictably
        Comparator<MapStore.Entry> full = (reverse ? cmp.reversed() : cmp)
                .thenComparing((a, b) -> compareKeys(a.key(), b.key()));
        sorted.sort(full);
        if (o.top() > 0 && sorted.size() > o.top()) {
            return sorted.subList(0, o.top());
        }
        return sorted;
    }

    static int compareKeys(List<Object> a, List<Object> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    static int compareValues(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Stats x && b instanceof Stats y) {
            return Long.compare(x.count(), y.count());
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** The text form. */
    static String text(GlobalDecl g, List<MapStore.Entry> all, Options o) {
        if (!g.keyed()) {
            Object v = all.isEmpty() ? null : all.get(0).value();
            if (g.kind() == GlobalKind.STATS) {
                Stats s = v instanceof Stats st ? st : new Stats(g.histogram(), g.varianceShift());
                Table t = statsHeader();
                t.row(statsCells("", s));
                return t.render("  ") + histogram(s, "  ");
            }
            return "  " + g.name() + " = " + (v == null ? defaultValue(g) : ValueText.literal(v)) + "\n";
        }
        if (all.isEmpty()) {
            return "  " + g.name() + " is empty\n";
        }
        List<MapStore.Entry> shown = order(all, o);
        StringBuilder sb = new StringBuilder();
        if (g.kind() == GlobalKind.STATS) {
            Table t = statsHeader();
            for (MapStore.Entry e : shown) {
                t.row(statsCells(ValueText.key(e.key()), (Stats) e.value()));
            }
            sb.append(t.render("  "));
            for (MapStore.Entry e : shown) {
                Stats s = (Stats) e.value();
                if (s.histogram().type() != HistogramSpec.Type.NONE && s.count() > 0) {
                    sb.append("  ").append(ValueText.key(e.key())).append(":\n").append(histogram(s, "  "));
                }
            }
        } else {
            Table t = new Table().right(1);
            for (MapStore.Entry e : shown) {
                t.row(ValueText.key(e.key()), ValueText.literal(e.value()));
            }
            sb.append(t.render("  "));
        }
        if (shown.size() < all.size()) {
            sb.append("  (").append(shown.size()).append(" of ").append(all.size()).append(" entries)\n");
        }
        return sb.toString();
    }

    private static String defaultValue(GlobalDecl g) {
        return g.valueType() == io.jstap.compiler.ir.IrType.STRING ? "\"\"" : "0";
    }

    private static Table statsHeader() {
        return new Table().header("", "count", "sum", "min", "max", "avg").right(1, 2, 3, 4, 5);
    }

    private static String[] statsCells(String key, Stats s) {
        if (s.count() == 0) {
            return new String[] {key, "0", "0", "-", "-", "-"};
        }
        return new String[] {key, Long.toString(s.count()), Long.toString(s.sum()), Long.toString(s.min()),
            Long.toString(s.max()), Long.toString(s.avg())};
    }

    private static String histogram(Stats s, String indent) {
        if (s.histogram().type() == HistogramSpec.Type.NONE || s.count() == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : HistogramPrinter.render(s).split("\n", -1)) {
            sb.append(line.isEmpty() ? "" : indent + line).append('\n');
        }
        return sb.toString().replaceAll("\n+$", "\n");
    }

    /** The JSON form: one object with the global's name, type and value or entries. */
    static String json(GlobalDecl g, String type, List<MapStore.Entry> all, Options o) {
        StringBuilder sb = new StringBuilder("{\"name\":").append(quote(g.name())).append(",\"type\":")
                .append(quote(type));
        if (!g.keyed()) {
            Object v = all.isEmpty() ? null : all.get(0).value();
            if (v == null) {
                v = g.kind() == GlobalKind.STATS ? new Stats(g.histogram(), g.varianceShift())
                        : g.valueType() == io.jstap.compiler.ir.IrType.STRING ? "" : 0L;
            }
            sb.append(",\"value\":");
            value(sb, v);
            return sb.append("}\n").toString();
        }
        List<MapStore.Entry> shown = order(all, o);
        sb.append(",\"size\":").append(all.size()).append(",\"entries\":[");
        for (int i = 0; i < shown.size(); i++) {
            MapStore.Entry e = shown.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"key\":[");
            for (int k = 0; k < e.key().size(); k++) {
                sb.append(k == 0 ? "" : ",");
                value(sb, e.key().get(k));
            }
            sb.append("],\"value\":");
            value(sb, e.value());
            sb.append('}');
        }
        return sb.append("]}\n").toString();
    }

    private static void value(StringBuilder sb, Object v) {
        if (v instanceof Long l) {
            sb.append(l);
        } else if (v instanceof Stats s) {
            stats(sb, s);
        } else {
            sb.append(quote(String.valueOf(v)));
        }
    }

    private static void stats(StringBuilder sb, Stats s) {
        sb.append("{\"count\":").append(s.count()).append(",\"sum\":").append(s.sum());
        if (s.count() > 0) {
            sb.append(",\"min\":").append(s.min()).append(",\"max\":").append(s.max()).append(",\"avg\":")
                    .append(s.avg());
        }
        HistogramSpec h = s.histogram();
        if (h.type() != HistogramSpec.Type.NONE) {
            sb.append(",\"histogram\":[");
            long[] b = s.buckets();
            boolean first = true;
            for (int i = 0; i < b.length; i++) {
                if (b[i] == 0) {
                    continue;
                }
                sb.append(first ? "" : ",").append("{\"from\":").append(bucketFrom(h, i)).append(",\"count\":")
                        .append(b[i]).append('}');
                first = false;
            }
            sb.append(']');
        }
        sb.append('}');
    }

    /** The lowest value a bucket counts; null for a linear histogram's underflow bucket. */
    private static String bucketFrom(HistogramSpec h, int i) {
        if (h.type() == HistogramSpec.Type.LOG) {
            return Long.toString(HistogramSpec.logBucketValue(i));
        }
        if (i == 0) {
            return "null";
        }
        return Long.toString((long) h.start() + (long) (i - 1) * h.interval());
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '\r': sb.append("\\r"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
