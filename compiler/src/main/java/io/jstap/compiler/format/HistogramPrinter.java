package io.jstap.compiler.format;

/**
 * Draws {@code print(@hist_log(s))} and {@code print(@hist_linear(s, lo, hi, step))} exactly as
 * stap's {@code _stp_stat_print_histogram_buf}: a {@code value |---...--- count} header, one row
 * per bucket from two buckets before the first non-empty one to two after the last, '@' bars
 * scaled so the largest count fits the width, runs of empty rows elided into a {@code ~} row,
 * under/overflow rows labelled {@code <start} and {@code >last} when they hold values, and a blank
 * line at the end.
 */
public final class HistogramPrinter {
    /** stap's HIST_WIDTH: the longest bar. */
    public static final int DEFAULT_WIDTH = 50;
    /** stap's HIST_ELISION: empty rows kept around a non-empty one; negative disables eliding. */
    public static final int DEFAULT_ELISION = 2;

    private HistogramPrinter() {
    }

    /** Draws a statistic's histogram. */
    public static String render(Stats stats) {
        if (stats.histogram().type() == HistogramSpec.Type.NONE) {
            throw new IllegalArgumentException("statistic keeps no histogram");
        }
        if (stats.count() == 0) {
            throw new StatsException(StatsException.EMPTY_AGGREGATE);
        }
        return render(stats.histogram(), stats.buckets());
    }

    /** Draws bucket counts with stap's default width and elision. */
    public static String render(HistogramSpec spec, long[] buckets) {
        return render(spec, buckets, DEFAULT_WIDTH, DEFAULT_ELISION);
    }

    /**
     * Draws bucket counts ({@code buckets.length == spec.buckets()}) with the given bar width and
     * elision (stap's {@code -DHIST_WIDTH=} and {@code -DHIST_ELISION=}).
     *
     * @throws StatsException "empty aggregate" if every bucket is zero
     */
    public static String render(HistogramSpec spec, long[] buckets, int width, int elision) {
        int n = spec.buckets();
        if (buckets.length != n || spec.type() == HistogramSpec.Type.NONE) {
            throw new IllegalArgumentException("expected " + n + " buckets, got " + buckets.length);
        }
        boolean linear = spec.type() == HistogramSpec.Type.LINEAR;
        int low = -1;
        int high = 0;
        long valmax = 0;
        for (int i = 0; i < n; i++) {
            if (buckets[i] > 0 && low == -1) {
                low = i;
            }
            if (buckets[i] > 0) {
                high = i;
            }
            if (buckets[i] > valmax) {
                valmax = buckets[i];
            }
        }
        if (low == -1) {
            throw new StatsException(StatsException.EMPTY_AGGREGATE);
        }
        // two empty rows of margin on each side; a log histogram does not reach below zero
        // unless it holds negative values
        for (int k = 0; k < 2; k++) {
            if (linear ? low > 0 : low != HistogramSpec.LOG_BUCKET0 && low > 0) {
                low--;
            }
            if (high < n - 1) {
                high++;
            }
        }
        boolean under = false;
        boolean over = false;
        if (linear) {
            if (low == 0 && buckets[0] == 0) {
                low++;
            }
            if (high == n - 1 && buckets[high] == 0) {
                high--;
            }
            under = low == 0;
            over = high == n - 1;
        }
        long scale = valmax <= width ? 1 : (valmax + width - 1) / width;
        int cntSpace = neededSpace(valmax);
        int valSpace;
        if (linear) {
            int highVal = spec.start() + spec.interval() * high; // int arithmetic, as stap's
            valSpace = Math.max(neededSpace(spec.start()) + (under ? 1 : 0), neededSpace(highVal) + (over ? 1 : 0));
        } else {
            valSpace = Math.max(neededSpace(HistogramSpec.logBucketValue(high)),
                    neededSpace(HistogramSpec.logBucketValue(low)));
        }
        valSpace = Math.max(valSpace, 5);

        StringBuilder out = new StringBuilder();
        pad(out, "value", valSpace);
        out.append(" |").append("-".repeat(Math.max(width, 0))).append(" count\n");
        boolean eliding = false;
        for (int i = low; i <= high; i++) {
            if (elision >= 0) {
                int maxElide = Math.min(elision, n);
                int minBucket = Math.max(low, i - maxElide);
                int maxBucket = Math.min(high, i + maxElide);
                boolean elide = true;
                for (int k = minBucket; k <= maxBucket; k++) {
                    if (buckets[k] != 0) {
                        elide = false;
                    }
                }
                if (elide) {
                    eliding = true;
                    continue;
                }
                if (eliding) {
                    out.append(" ".repeat(valSpace)).append(" ~\n");
                    eliding = false;
                }
            }
            String prefix = "";
            long val;
            if (linear) {
                if (i == 0) {
                    val = spec.start();
                    prefix = "<";
                } else if (i == n - 1) {
                    val = spec.start() + (long) (i - 2) * spec.interval();
                    prefix = ">";
                } else {
                    val = spec.start() + (long) (i - 1) * spec.interval();
                }
            } else {
                val = HistogramSpec.logBucketValue(i);
            }
            pad(out, prefix, valSpace - neededSpace(val));
            out.append(val).append(" |");
            long bar = Long.divideUnsigned(buckets[i], scale);
            for (long j = 0; j < bar; j++) {
                out.append('@');
            }
            pad(out, Long.toString(buckets[i]), (int) (width - bar + 1 + cntSpace));
            out.append('\n');
        }
        out.append('\n');
        return out.toString();
    }

    /** {@code %*s}: right-justified in {@code width}, or left-justified in {@code -width}. */
    private static void pad(StringBuilder out, String s, int width) {
        int fill = Math.abs(width) - s.length();
        if (width >= 0) {
            out.append(" ".repeat(Math.max(fill, 0))).append(s);
        } else {
            out.append(s).append(" ".repeat(Math.max(fill, 0)));
        }
    }

    /** Characters needed to print {@code v} in decimal ({@code needed_space}). */
    static int neededSpace(long v) {
        if (v == 0) {
            return 1;
        }
        int space = 0;
        if (v < 0) {
            space++;
            v = -v;
        }
        return space + Long.toUnsignedString(v).length();
    }
}
