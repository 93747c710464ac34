package io.jstap.compiler.format;

/**
 * The histogram a statistic keeps, as stap's runtime lays it out ({@code runtime/stat-common.c}).
 * A log histogram has 128 buckets; bucket 64 counts zero, bucket {@code 64+k+1} counts
 * {@code [2^k, 2^(k+1))} and bucket {@code 63-k} the negated range. A linear histogram has
 * {@code (stop-start)/interval + 1} buckets of width {@code interval} plus an underflow bucket
 * first and an overflow bucket last. Parameters are C ints, as in stap.
 *
 * @param type     which histogram
 * @param start    the lowest value of a linear histogram's first regular bucket
 * @param stop     the linear histogram's upper bound
 * @param interval the width of one linear bucket
 * @param buckets  number of buckets (0 for {@link Type#NONE})
 */
public record HistogramSpec(Type type, int start, int stop, int interval, int buckets) {

    public enum Type { NONE, LOG, LINEAR }

    /** Buckets of a log histogram. */
    public static final int LOG_BUCKETS = 128;
    /** The log bucket that counts zero. */
    public static final int LOG_BUCKET0 = 64;
    /** stap's STP_MAX_BUCKETS: the most buckets a linear histogram may have, under/overflow included. */
    public static final int MAX_LINEAR_BUCKETS = 128;

    public static final HistogramSpec NONE = new HistogramSpec(Type.NONE, 0, 0, 0, 0);
    public static final HistogramSpec LOG = new HistogramSpec(Type.LOG, 0, 0, 0, LOG_BUCKETS);

    /**
     * The linear histogram {@code @hist_linear(s, start, stop, interval)}.
     *
     * @throws StatsException with stap's warning text if the shape is not allowed
     */
    public static HistogramSpec linear(long start, long stop, long interval) {
        if (start != (int) start || stop != (int) stop || interval != (int) interval) {
            throw new StatsException("histogram: start, stop and interval must fit in 32 bits");
        }
        if (interval == 0) {
            throw new StatsException("histogram: interval cannot be zero.");
        }
        int buckets = ((int) stop - (int) start) / (int) interval + 3;
        if (buckets > MAX_LINEAR_BUCKETS || buckets < 3) {
            throw new StatsException("histogram: Number of buckets must be between 1 and "
                    + (MAX_LINEAR_BUCKETS - 2) + "\nNumber_of_buckets = (stop - start) / interval.\n"
                    + "Please adjust your start, stop, and interval values.");
        }
        return new HistogramSpec(Type.LINEAR, (int) start, (int) stop, (int) interval, buckets);
    }

    /** The bucket a value falls in ({@code _stp_val_to_bucket} or the linear mapping), or -1 for NONE. */
    public int bucketOf(long value) {
        switch (type) {
            case LOG:
                return Math.min(logBucket(value), buckets - 1);
            case LINEAR:
                return linearBucket(value);
            default:
                return -1;
        }
    }

    private int linearBucket(long value) {
        long v = value - start; // wraps like the C int64 arithmetic
        if (v < 0) {
            v = 0;
        } else {
            v = Long.divideUnsigned(v, Integer.toUnsignedLong(interval)) + 1;
        }
        return v < 0 || v >= buckets - 1 ? buckets - 1 : (int) v;
    }

    /** log2 bucket: 64 for zero, 64+bits(v) for positive v, 128-(64+bits(-v)) for negative v. */
    static int logBucket(long value) {
        if (value == 0) {
            return LOG_BUCKET0;
        }
        boolean neg = value < 0;
        long v = neg ? -value : value; // Long.MIN_VALUE stays negative: all 64 bits count
        int res = LOG_BUCKETS - Long.numberOfLeadingZeros(v);
        return neg ? LOG_BUCKETS - res : res;
    }

    /** The value a log bucket is labelled with ({@code _stp_bucket_to_val}). */
    public static long logBucketValue(int bucket) {
        if (bucket == LOG_BUCKET0) {
            return 0;
        }
        if (bucket < LOG_BUCKET0) {
            return Long.MIN_VALUE >> bucket;
        }
        return 1L << (bucket - LOG_BUCKET0 - 1);
    }
}
