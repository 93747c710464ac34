package io.jstap.compiler.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text stap prints at the end of a run for each global the script wrote but never read
 * ({@code add_global_var_display} in stap's {@code elaborate.cxx}), one line per value:
 * <pre>
 * count=0x2a
 * name="text"
 * hits["sshd",1423]=0x11             (array entries, sorted by value, largest first)
 * lat @count=4 @min=1 @max=4 @sum=10 @avg=2
 * lat @count=0x0                    (a statistic that saw no value)
 * </pre>
 * String keys and values are printed in double quotes without escaping, as stap does.
 */
public final class GlobalPrinter {
    private GlobalPrinter() {
    }

    /** The lines for several globals, in the order given (stap's declaration order). */
    public static String print(List<? extends GlobalValue> globals) {
        StringBuilder out = new StringBuilder();
        for (GlobalValue g : globals) {
            append(out, g);
        }
        return out.toString();
    }

    /** The lines for one global; an empty array prints nothing. */
    public static String print(GlobalValue global) {
        StringBuilder out = new StringBuilder();
        append(out, global);
        return out.toString();
    }

    private static void append(StringBuilder out, GlobalValue g) {
        if (g instanceof GlobalValue.Scalar s) {
            line(out, s.name(), s.value());
            return;
        }
        GlobalValue.Array a = (GlobalValue.Array) g;
        // stap iterates "foreach (... in name-)": by value, descending, stable for ties
        List<GlobalValue.Entry> sorted = new ArrayList<>(a.entries());
        sorted.sort(Comparator.comparing(GlobalValue.Entry::value, GlobalPrinter::compareValues).reversed());
        for (GlobalValue.Entry e : sorted) {
            StringBuilder name = new StringBuilder(a.name()).append('[');
            for (int k = 0; k < e.key().size(); k++) {
                if (k > 0) {
                    name.append(',');
                }
                Object key = e.key().get(k);
                if (key instanceof String str) {
                    name.append('"').append(str).append('"');
                } else {
                    name.append((long) (Long) key);
                }
            }
            line(out, name.append(']').toString(), e.value());
        }
    }

    private static void line(StringBuilder out, String name, Object value) {
        out.append(name);
        if (value instanceof Stats st) {
            if (st.count() == 0) {
                out.append(" @count=0x0");
            } else {
                out.append(" @count=").append(st.count()).append(" @min=").append(st.min())
                        .append(" @max=").append(st.max()).append(" @sum=").append(st.sum())
                        .append(" @avg=").append(st.avg());
            }
        } else if (value instanceof String str) {
            out.append("=\"").append(str).append('"');
        } else {
            // stap displays longs with %#x (its testsuite: alpha["two",2]=0x4)
            out.append("=0x").append(Long.toHexString((Long) value));
        }
        out.append('\n');
    }

    /** The value order of stap's sort: numbers, strcmp for strings, @count for statistics. */
    private static int compareValues(Object a, Object b) {
        if (a instanceof Stats sa && b instanceof Stats sb) {
            return Long.compare(sa.count(), sb.count());
        }
        if (a instanceof String x && b instanceof String y) {
            return Utf8.compare(x, y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        throw new IllegalArgumentException("array values of mixed types: " + a + ", " + b);
    }
}
