package io.jstap.compiler.format;

import java.util.List;

/** How values read as text: in {@code print}/{@code println}, and in the REPL. */
public final class ValueText {
    private ValueText() {
    }

    /** What {@code print(v)} writes: a long in decimal ({@code %d}), a string as it is ({@code %s}). */
    public static String print(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return Long.toString(((Number) value).longValue());
        }
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("cannot print a " + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    /**
     * A value as the REPL shows it, readable back as stap source: a long in decimal, a string as a
     * double-quoted literal with stap's escapes, a statistic as its {@code @count ... @avg} summary.
     */
    public static String literal(Object value) {
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Stats st) {
            return summary(st);
        }
        return print(value);
    }

    /** An array key as the REPL shows it: {@code [1423, "sshd"]}. */
    public static String key(List<?> key) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < key.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(literal(key.get(i)));
        }
        return sb.append(']').toString();
    }

    /** {@code @count=4 @min=1 @max=4 @sum=10 @avg=2}, or {@code @count=0} when empty. */
    public static String summary(Stats s) {
        if (s.count() == 0) {
            return "@count=0";
        }
        return "@count=" + s.count() + " @min=" + s.min() + " @max=" + s.max() + " @sum=" + s.sum()
                + " @avg=" + s.avg();
    }

    /** A stap string literal: quotes and backslashes escaped, control characters as escapes. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '\r': sb.append("\\r"); break;
                case 7: sb.append("\\a"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                case 11: sb.append("\\v"); break;
                default:
                    if (c < 0x20 || c == 0x7F) {
                        sb.append('\\').append((char) ('0' + ((c >> 6) & 3))).append((char) ('0' + ((c >> 3) & 7)))
                                .append((char) ('0' + (c & 7)));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
