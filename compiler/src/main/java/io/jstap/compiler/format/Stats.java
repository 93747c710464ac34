package io.jstap.compiler.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The value of a statistic ({@code <<<}) with stap's integer arithmetic, wrap-around included.
 *
 * <p>stap keeps one accumulator per CPU and folds them when the statistic is read
 * ({@code runtime/stat.c}). Count, sum, min, max and the histogram fold by addition; the variance
 * does not: each CPU keeps a Welford running mean ({@code avg_s}, scaled by the bit shift of
 * {@code @variance(s, shift)}) and its own variance, and the read combines them with the total
 * variance formula. To reproduce that exactly, a {@code Stats} holds one part per CPU:
 * {@link #add} feeds a single-part accumulator, {@link #merge} and {@link #aggregate} collect parts,
 * and the reading methods always run stap's fold.
 *
 * <p>Reading {@link #min}, {@link #max}, {@link #avg}, {@link #variance} of an empty statistic
 * throws {@link StatsException} {@code "empty aggregate"}, as stap does; {@link #count} and
 * {@link #sum} are 0.
 */
public final class Stats {
    private final HistogramSpec histogram;
    private final int bitShift;
    private final List<Part> parts;

    /** One CPU's accumulator, the fields of stap's {@code struct stat_data}. */
    private static final class Part {
        long count;
        long sum;
        long min;
        long max;
        long avgS;
        long m2;
        long varianceS;
        final long[] buckets;

        Part(int buckets) {
            this.buckets = new long[buckets];
        }

        Part copy() {
            Part p = new Part(buckets.length);
            p.count = count;
            p.sum = sum;
            p.min = min;
            p.max = max;
            p.avgS = avgS;
            p.m2 = m2;
            p.varianceS = varianceS;
            System.arraycopy(buckets, 0, p.buckets, 0, buckets.length);
            return p;
        }
    }

    private Stats(HistogramSpec histogram, int bitShift, List<Part> parts) {
        this.histogram = histogram;
        this.bitShift = bitShift;
        this.parts = parts;
    }

    /**
     * An empty accumulator. {@code bitShift} is the N of {@code @variance(s, N)} (0..62, 0 when the
     * script gives none); it scales the running mean and changes the variance's rounding.
     */
    public Stats(HistogramSpec histogram, int bitShift) {
        this(histogram, checkShift(bitShift), new ArrayList<>(List.of(new Part(histogram.buckets()))));
    }

    /** An empty accumulator without histogram and bit shift 0. */
    public Stats() {
        this(HistogramSpec.NONE, 0);
    }

    private static int checkShift(int bitShift) {
        if (bitShift < 0 || bitShift > 62) {
            throw new StatsException("bit shift (" + bitShift + ") out of range <0..62>");
        }
        return bitShift;
    }

    /**
     * One CPU's accumulator as a back end keeps it (for instance read from a per-CPU BPF map),
     * field by field as stap's {@code stat_data}: {@code avgS} is the scaled running mean,
     * {@code m2} the running sum of squared deviations, {@code varianceS} the scaled variance.
     */
    public static Stats ofCpu(HistogramSpec histogram, int bitShift, long count, long sum, long min, long max,
            long avgS, long m2, long varianceS, long[] buckets) {
        if (buckets.length != histogram.buckets()) {
            throw new IllegalArgumentException("expected " + histogram.buckets() + " buckets, got " + buckets.length);
        }
        Stats s = new Stats(histogram, bitShift);
        Part p = s.parts.get(0);
        p.count = count;
        p.sum = sum;
        p.min = min;
        p.max = max;
        p.avgS = avgS;
        p.m2 = m2;
        p.varianceS = varianceS;
        System.arraycopy(buckets, 0, p.buckets, 0, buckets.length);
        return s;
    }

    /** Folds per-CPU statistics into the value stap reads. */
    public static Stats aggregate(Collection<Stats> perCpu) {
        if (perCpu.isEmpty()) {
            throw new IllegalArgumentException("no statistics to aggregate");
        }
        Stats first = perCpu.iterator().next();
        List<Part> parts = new ArrayList<>();
        for (Stats s : perCpu) {
            first.checkCompatible(s);
            for (Part p : s.parts) {
                parts.add(p.copy());
            }
        }
        return new Stats(first.histogram, first.bitShift, parts);
    }

    /** This statistic folded with another CPU's (or another aggregate's); neither is changed. */
    public Stats merge(Stats other) {
        return aggregate(List.of(this, other));
    }

    private void checkCompatible(Stats other) {
        if (!histogram.equals(other.histogram) || bitShift != other.bitShift) {
            throw new IllegalArgumentException("cannot merge statistics of different shapes");
        }
    }

    /** {@code s <<< value}: stap's {@code __stp_stat_add}. Only a single-CPU accumulator can add. */
    public void add(long value) {
        if (parts.size() != 1) {
            throw new IllegalStateException("a merged aggregate is read-only");
        }
        Part p = parts.get(0);
        long scaled = value << bitShift;
        if (p.count == 0) {
            p.count = 1;
            p.sum = value;
            p.min = value;
            p.max = value;
            p.avgS = scaled;
            p.m2 = 0;
        } else {
            p.count++;
            p.sum += value;
            if (value > p.max) {
                p.max = value;
            }
            if (value < p.min) {
                p.min = value;
            }
            // Welford's update; stap keeps delta in a C int, so it is truncated to 32 bits
            int delta = (int) (scaled - p.avgS);
            p.avgS += div64(delta, p.count);
            p.m2 += delta * (scaled - p.avgS);
            p.varianceS = p.count < 2 ? -1 : div64(p.m2, p.count - 1);
        }
        int bucket = histogram.bucketOf(value);
        if (bucket >= 0) {
            p.buckets[bucket]++;
        }
    }

    /** The histogram this statistic keeps. */
    public HistogramSpec histogram() {
        return histogram;
    }

    public int bitShift() {
        return bitShift;
    }

    /** {@code @count}: 0 when empty. */
    public long count() {
        long n = 0;
        for (Part p : parts) {
            n += p.count;
        }
        return n;
    }

    /** {@code @sum}: 0 when empty. */
    public long sum() {
        long s = 0;
        for (Part p : parts) {
            if (p.count != 0) {
                s += p.sum;
            }
        }
        return s;
    }

    /** {@code @min}. */
    public long min() {
        requireValues();
        long m = 0;
        boolean first = true;
        for (Part p : parts) {
            if (p.count != 0 && (first || p.min < m)) {
                m = p.min;
                first = false;
            }
        }
        return m;
    }

    /** {@code @max}. */
    public long max() {
        requireValues();
        long m = 0;
        boolean first = true;
        for (Part p : parts) {
            if (p.count != 0 && (first || p.max > m)) {
                m = p.max;
                first = false;
            }
        }
        return m;
    }

    /** {@code @avg}: the sum divided by the count, truncated toward zero. */
    public long avg() {
        requireValues();
        return div64(sum(), count());
    }

    /** {@code @variance}: stap's fold of the per-CPU running variances ({@code _stp_stat_get}). */
    public long variance() {
        requireValues();
        long count = count();
        long aggAvgS = div64(sum() << bitShift, count);
        long s1 = 0;
        long s2 = 0;
        for (Part p : parts) {
            if (p.count != 0) {
                long d = p.avgS - aggAvgS;
                s1 += p.count * d * d;
                s2 += (p.count - 1) * p.varianceS;
            }
        }
        return div64(s1 + s2, count - 1) >> (2 * bitShift);
    }

    /** The folded histogram buckets (a copy); empty for a statistic without histogram. */
    public long[] buckets() {
        long[] out = new long[histogram.buckets()];
        for (Part p : parts) {
            for (int i = 0; i < out.length; i++) {
                out[i] += p.buckets[i];
            }
        }
        return out;
    }

    /** Number of per-CPU parts folded in this value. */
    public int cpuParts() {
        return parts.size();
    }

    private void requireValues() {
        if (count() == 0) {
            throw new StatsException(StatsException.EMPTY_AGGREGATE);
        }
    }

    /** stap's {@code _stp_div64}: division by zero yields 0 (callers here never report it). */
    private static long div64(long x, long y) {
        if (y == 0) {
            return 0;
        }
        return y == -1 ? -x : x / y;
    }

    @Override
    public String toString() {
        return count() == 0 ? "@count=0"
                : "@count=" + count() + " @min=" + min() + " @max=" + max() + " @sum=" + sum() + " @avg=" + avg()
                        + (histogram.type() == HistogramSpec.Type.NONE ? "" : " buckets=" + Arrays.toString(buckets()));
    }
}
