package io.jstap.compiler.module;

/**
 * The per-CPU value of a statistics global: count, sum, min, max and the sum the variance needs, each an
 * s64, then {@code buckets} histogram counters. Per-CPU values are folded in userspace.
 */
public record StatsLayout(int buckets) {
    public static final int COUNT = 0;
    public static final int SUM = 8;
    public static final int MIN = 16;
    public static final int MAX = 24;
    public static final int SUM_SQUARES = 32;
    public static final int BUCKETS = 40;

    public int bucketOffset(int i) {
        return BUCKETS + 8 * i;
    }

    public int size() {
        return BUCKETS + 8 * buckets;
    }
}
