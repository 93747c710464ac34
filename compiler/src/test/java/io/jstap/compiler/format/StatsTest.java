package io.jstap.compiler.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Statistics arithmetic: stap's integer rules, wrap-around, per-CPU folding and errors. */
class StatsTest {

    static Stats of(int shift, long... values) {
        Stats s = new Stats(HistogramSpec.NONE, shift);
        for (long v : values) {
            s.add(v);
        }
        return s;
    }

    @Test
    void basicAggregates() {
        Stats s = of(0, 1, 2, 3, 4);
        assertEquals(4, s.count());
        assertEquals(10, s.sum());
        assertEquals(1, s.min());
        assertEquals(4, s.max());
        assertEquals(2, s.avg());                      // 10/4 truncated
        // stap's integer Welford update with bit shift 0 keeps the running mean at 1, so
        // S1 = 4*(1-2)^2 = 4, S2 = 3*(14/3) = 12, variance = 16/3 = 5 (the exact value is 1.67)
        assertEquals(5, s.variance());
        assertEquals(1, of(8, 1, 2, 3, 4).variance());   // a bit shift restores the precision
    }

    @Test
    void varianceMatchesStapTestsuite() {
        // systemtap.maps/PR31740: 1, 2, 3 with @variance(s, 7) is 1
        assertEquals(1, of(7, 1, 2, 3).variance());
        // systemtap.maps/linear_nearlyempty: 444, 999 with @variance(agg, 7)
        assertEquals(154012, of(7, 444, 999).variance());
        assertEquals(154290, of(0, 444, 999).variance()); // without the shift the mean rounds to 721
        assertEquals(0, of(0, 42).variance());         // (count-1) is 0: stap divides to 0
    }

    @Test
    void negativeValues() {
        Stats s = of(0, -7, 2, -1);
        assertEquals(-6, s.sum());
        assertEquals(-7, s.min());
        assertEquals(2, s.max());
        assertEquals(-2, s.avg());                     // -6/3
    }

    @Test
    void averageTruncatesTowardZero() {
        assertEquals(-2, of(0, -7, 3).avg());
        assertEquals(-1, of(0, -3, 0).avg());          // -3/2 = -1.5 -> -1
        assertEquals(1, of(0, 3, 0).avg());
    }

    @Test
    void overflowWraps() {
        Stats s = of(0, Long.MAX_VALUE, 1);
        assertEquals(Long.MIN_VALUE, s.sum());
        assertEquals(Long.MIN_VALUE / 2, s.avg());
        assertEquals(Long.MAX_VALUE, s.max());
        Stats t = of(0, Long.MIN_VALUE, -1);
        assertEquals(Long.MAX_VALUE, t.sum());
        assertEquals(Long.MIN_VALUE, t.min());
    }

    @Test
    void welfordDeltaIsA32BitInt() {
        // stap keeps delta in a C int: a jump of 2^32 between values looks like no change at all
        // so the running mean stays 0 and M2 stays 0; the aggregate mean is 2^31 and
        // S1 = 2 * (0 - 2^31)^2 = 2^63, which wraps to Long.MIN_VALUE
        assertEquals(Long.MIN_VALUE, of(0, 0, 1L << 32).variance());
        // a jump of 2^32 + 2 is seen as 2: mean 1, M2 = 2 * (2^32 + 1)
        assertEquals(Long.MIN_VALUE + 2 * ((1L << 32) + 1), of(0, 0, (1L << 32) + 2).variance());
    }

    @Test
    void emptyStats() {
        Stats s = new Stats();
        assertEquals(0, s.count());
        assertEquals(0, s.sum());
        for (Runnable r : List.<Runnable>of(s::min, s::max, s::avg, s::variance)) {
            StatsException e = assertThrows(StatsException.class, r::run);
            assertEquals("empty aggregate", e.getMessage());
        }
    }

    @Test
    void perCpuFolding() {
        Stats cpu0 = of(0, 1, 2, 3);
        Stats cpu1 = of(0, 10, 20);
        Stats all = cpu0.merge(cpu1);
        assertEquals(5, all.count());
        assertEquals(36, all.sum());
        assertEquals(1, all.min());
        assertEquals(20, all.max());
        assertEquals(7, all.avg());
        // total variance: running means 1 (cpu0, integer Welford) and 15 (cpu1), aggregate mean 7;
        // S1 = 3*(1-7)^2 + 2*(15-7)^2 = 236, S2 = 2*2 + 1*50 = 54, variance = 290/4
        assertEquals(72, all.variance());
        assertEquals(2, all.cpuParts());
        assertThrows(IllegalStateException.class, () -> all.add(1));
        // merging copies: the parts keep accumulating on their own
        cpu0.add(100);
        assertEquals(5, all.count());
        assertEquals(all.variance(), Stats.aggregate(List.of(of(0, 1, 2, 3), of(0, 10, 20))).variance());
    }

    @Test
    void foldingEmptyCpusIgnoresThem() {
        Stats all = Stats.aggregate(List.of(new Stats(), of(0, -5), new Stats()));
        assertEquals(1, all.count());
        assertEquals(-5, all.min());
        assertEquals(-5, all.max());
        assertEquals(0, all.variance());
    }

    @Test
    void cpuValuesFromABackEnd() {
        // one CPU's raw fields, as a per-CPU map would hold them after <<< 1, 2, 3 (shift 0)
        Stats one = of(0, 1, 2, 3);
        Stats raw = Stats.ofCpu(HistogramSpec.NONE, 0, 3, 6, 1, 3, 1, 5, 2, new long[0]);
        assertEquals(one.variance(), raw.variance());
        assertEquals(one.avg(), raw.avg());
        raw.add(4);
        assertEquals(of(0, 1, 2, 3, 4).variance(), raw.variance());
    }

    @Test
    void histogramBuckets() {
        assertEquals(63, HistogramSpec.LOG.bucketOf(-1));   // systemtap.maps/log_edge
        assertEquals(65, HistogramSpec.LOG.bucketOf(1));
        assertEquals(64, HistogramSpec.LOG.bucketOf(0));
        assertEquals(127, HistogramSpec.LOG.bucketOf(Long.MAX_VALUE));
        assertEquals(66, HistogramSpec.LOG.bucketOf(2));
        assertEquals(66, HistogramSpec.LOG.bucketOf(3));
        assertEquals(67, HistogramSpec.LOG.bucketOf(4));
        assertEquals(0, HistogramSpec.LOG.bucketOf(Long.MIN_VALUE));
        assertEquals(1, HistogramSpec.LOG.bucketOf(Long.MIN_VALUE + 1));
        assertEquals(-4096, HistogramSpec.logBucketValue(HistogramSpec.LOG.bucketOf(-4097 + 1)));

        HistogramSpec lin = HistogramSpec.linear(0, 100, 10);
        assertEquals(13, lin.buckets());
        assertEquals(0, lin.bucketOf(-1));                  // underflow
        assertEquals(1, lin.bucketOf(0));
        assertEquals(1, lin.bucketOf(9));
        assertEquals(2, lin.bucketOf(10));
        assertEquals(11, lin.bucketOf(100));
        assertEquals(11, lin.bucketOf(109));
        assertEquals(12, lin.bucketOf(110));                // overflow
        assertEquals(12, lin.bucketOf(Long.MAX_VALUE));
        // value - start wraps like C: MAX_VALUE - (-10) is negative, so it counts as underflow
        assertEquals(0, HistogramSpec.linear(-10, 90, 10).bucketOf(Long.MAX_VALUE));

        Stats s = new Stats(lin, 0);
        for (long v : new long[] {-5, 0, 5, 10, 200}) {
            s.add(v);
        }
        assertArrayEquals(new long[] {1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, s.buckets());
    }

    @Test
    void histogramShapeErrors() {
        assertEquals("histogram: interval cannot be zero.",
            assertThrows(StatsException.class, () -> HistogramSpec.linear(0, 10, 0)).getMessage());
        assertEquals("histogram: Number of buckets must be between 1 and 126\n"
                + "Number_of_buckets = (stop - start) / interval.\n"
                + "Please adjust your start, stop, and interval values.",
            assertThrows(StatsException.class, () -> HistogramSpec.linear(0, 1000, 1)).getMessage());
        assertThrows(StatsException.class, () -> HistogramSpec.linear(10, 0, 1));
        assertEquals(128, HistogramSpec.linear(0, 125, 1).buckets());
        assertEquals("bit shift (63) out of range <0..62>",
            assertThrows(StatsException.class, () -> new Stats(HistogramSpec.LOG, 63)).getMessage());
    }
}
