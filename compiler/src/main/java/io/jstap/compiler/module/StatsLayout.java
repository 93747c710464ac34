package io.jstap.compiler.module;

/**
 * The per-CPU value of a statistics global, each field an s64, as stap's {@code struct stat_data}:
 * count, sum, min, max, then the Welford running mean scaled by the variance shift ({@code avg_s}),
 * the running sum of squared deviations ({@code m2}) and the scaled variance ({@code variance_s}),
 * then {@code buckets} histogram counters. Per-CPU values are folded in userspace with
 * {@link io.jstap.compiler.format.Stats#ofCpu} and {@link io.jstap.compiler.format.Stats#aggregate}, which
 * needs exactly these fields to reproduce stap's {@code @variance}. A CPU whose count is 0 holds no values.
 */
public record StatsLayout(int buckets) {
    public static final int COUNT = 0;
    public static final int SUM = 8;
    public static final int MIN = 16;
    public static final int MAX = 24;
    public static final int AVG_S = 32;
    public static final int M2 = 40;
    public static final int VARIANCE_S = 48;
    public static final int BUCKETS = 56;

    public int bucketOffset(int i) {
        return BUCKETS + 8 * i;
    }

    public int size() {
        return BUCKETS + 8 * buckets;
    }
}
