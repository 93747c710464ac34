package io.jstap.compiler.ir;

/**
 * The histogram a statistics global keeps, as requested by {@code @hist_log(x)} or
 * {@code @hist_linear(x, start, stop, interval)}. A statistics global keeps at most one.
 */
public record HistogramSpec(Kind kind, long start, long stop, long interval) {

    public enum Kind { LOG, LINEAR }

    public static final HistogramSpec LOG = new HistogramSpec(Kind.LOG, 0, 0, 0);

    public HistogramSpec {
        if (kind == null) {
            throw new IllegalArgumentException("histogram kind is required");
        }
        if (kind == Kind.LINEAR && (interval <= 0 || stop <= start)) {
            throw new IllegalArgumentException(
                    "linear histogram needs start < stop and interval > 0, got "
                            + start + ", " + stop + ", " + interval);
        }
        if (kind == Kind.LOG && (start != 0 || stop != 0 || interval != 0)) {
            throw new IllegalArgumentException("log histogram takes no parameters");
        }
    }

    public static HistogramSpec linear(long start, long stop, long interval) {
        return new HistogramSpec(Kind.LINEAR, start, stop, interval);
    }

    /** stap's text: {@code @hist_log} or {@code @hist_linear(start, stop, interval)}. */
    @Override
    public String toString() {
        return kind == Kind.LOG ? "@hist_log" : "@hist_linear(" + start + ", " + stop + ", " + interval + ")";
    }
}
