package io.jstap.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Histograms and statistics end to end against stap's testsuite/systemtap.maps expectations: the
 * scripts are replayed with {@link Stats}, {@link PrintfFormat} and {@link HistogramPrinter}. (stap's
 * harness drops the blank line that ends the output, so it is added back here.)
 */
class HistogramPrinterTest {

    /** linear.stp and linear_overunder.stp feed these 1600 values. */
    static Stats linearValues(HistogramSpec spec) {
        Stats s = new Stats(spec, 0);
        long[] factors = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 13, 14, 15};
        for (long key = 0; key < 100; key++) {
            for (long f : factors) {
                s.add(key * f);
            }
        }
        return s;
    }

    static String summary(Stats s, boolean variance) throws FormatException {
        String text = PrintfFormat.parse("count=%d\nsum=%d\nmin=%d\nmax=%d\navg=%d\n")
            .format(List.of(s.count(), s.sum(), s.min(), s.max(), s.avg()));
        return variance ? text + PrintfFormat.parse("variance=%d\n").format(List.of(s.variance())) : text;
    }

    @Test
    void linear() throws FormatException {
        Stats s = linearValues(HistogramSpec.linear(0, 1500, 50));
        assertEquals(LINEAR + "\n", summary(s, true) + HistogramPrinter.render(s));
    }

    @Test
    void linearWithUnderflowAndOverflowRows() throws FormatException {
        Stats s = linearValues(HistogramSpec.linear(250, 1000, 50));
        assertEquals(LINEAR_OVERUNDER + "\n", summary(s, true) + HistogramPrinter.render(s));
    }

    @Test
    void linearLargeNegative() throws FormatException {
        Stats s = new Stats(HistogramSpec.linear(-1000000000, 0, 100000000), 0);
        long[] values = {0, -100000000, -100000000, -500000000, -500000000, -500000000, -500000000, -500000000,
            -1000000000, -1000000000, -1000000000, -1000000000, -10000000000L};
        for (long v : values) {
            s.add(v);
        }
        assertEquals(LINEAR_LARGE_NEG + "\n", summary(s, false) + HistogramPrinter.render(s));
    }

    @Test
    void nearlyEmptyWithBitShift() throws FormatException {
        Stats s = new Stats(HistogramSpec.linear(0, 1500, 50), 7);
        s.add(444);
        s.add(999);
        assertEquals(LINEAR_NEARLYEMPTY + "\n", summary(s, true) + HistogramPrinter.render(s));
    }

    @Test
    void logFullRange() {
        Stats s = new Stats(HistogramSpec.LOG, 0);
        long val = 1;
        for (int i = 0; i < 63; i++) {
            s.add(val);
            val <<= 1;
        }
        val = 1;
        for (int i = 0; i < 64; i++) {
            s.add(-val);
            val <<= 1;
        }
        for (int i = 0; i < 20; i++) {
            s.add(0);
        }
        assertEquals(LOG + "\n", HistogramPrinter.render(s));
    }

    @Test
    void logEdges() {
        assertEquals(LOG_EDGE_1 + "\n", HistogramPrinter.render(HistogramElisionTest.stats(HistogramSpec.LOG, -1, 1)));
        assertEquals(LOG_EDGE_2 + "\n", HistogramPrinter.render(HistogramElisionTest.stats(HistogramSpec.LOG, 0)));
        assertEquals(LOG_EDGE_3 + "\n",
            HistogramPrinter.render(HistogramElisionTest.stats(HistogramSpec.LOG, Long.MAX_VALUE)));
        assertEquals(LOG_EDGE_4 + "\n", HistogramPrinter.render(HistogramElisionTest.stats(HistogramSpec.LOG, 1, 2, 3, 4)));
    }

    @Test
    void scaledBarsInAString() {
        Stats s = new Stats(HistogramSpec.linear(0, 0, 1), 0);
        for (int i = 0; i < 128; i++) {
            s.add(0);
        }
        String drawn = HistogramPrinter.render(s);
        assertEquals(HIST_IN_STRING + "\n", drawn);
        // sprint(@hist_linear(...)) is the same text cut to MAXSTRINGLEN-1 bytes
        assertEquals(drawn.substring(0, 127), StringFunctions.truncate(drawn, 128));
    }

    @Test
    void widthAndEmptyHistograms() {
        Stats s = HistogramElisionTest.stats(HistogramSpec.LOG, 1, 1, 1, 2);
        assertEquals(
            "value |---------- count\n"
            + "    0 |" + " ".repeat(11) + "0\n"
            + "    1 |@@@" + " ".repeat(8) + "3\n"
            + "    2 |@" + " ".repeat(10) + "1\n"
            + "    4 |" + " ".repeat(11) + "0\n"
            + "    8 |" + " ".repeat(11) + "0\n"
            + "\n",
            HistogramPrinter.render(s.histogram(), s.buckets(), 10, 2));
        StatsException e = assertThrows(StatsException.class, () -> HistogramPrinter.render(new Stats(HistogramSpec.LOG, 0)));
        assertEquals("empty aggregate", e.getMessage());
        assertThrows(StatsException.class, () -> HistogramPrinter.render(HistogramSpec.LOG, new long[128]));
    }

    private static final String LINEAR = """
        count=1600
        sum=653400
        min=0
        max=1485
        avg=408
        variance=450768
        value |-------------------------------------------------- count
            0 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@       177
           50 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@         170
          100 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                      117
          150 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                     122
          200 |@@@@@@@@@@@@@@@@@@@@@@@                             94
          250 |@@@@@@@@@@@@@@@@@@@@@@@                             94
          300 |@@@@@@@@@@@@@@@@@@@                                 79
          350 |@@@@@@@@@@@@@@@@@@@                                 79
          400 |@@@@@@@@@@@@@@@@                                    65
          450 |@@@@@@@@@@@@@@@@                                    67
          500 |@@@@@@@@@@@@@                                       55
          550 |@@@@@@@@@@@@@                                       54
          600 |@@@@@@@@@@@@                                        51
          650 |@@@@@@@@@@@                                         45
          700 |@@@@@@@@@@                                          41
          750 |@@@@@@@@@@                                          40
          800 |@@@@@@@@                                            34
          850 |@@@@@@@@                                            33
          900 |@@@@@@@                                             31
          950 |@@@@@@                                              27
         1000 |@@@@@                                               23
         1050 |@@@@@@                                              24
         1100 |@@@@                                                19
         1150 |@@@@                                                18
         1200 |@@@                                                 12
         1250 |@@                                                   9
         1300 |@                                                    7
         1350 |@                                                    7
         1400 |                                                     3
         1450 |                                                     3
         1500 |                                                     0
        """;

    private static final String LINEAR_OVERUNDER = """
        count=1600
        sum=653400
        min=0
        max=1485
        avg=408
        variance=450768
        value |-------------------------------------------------- count
         <250 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@   680
          250 |@@@@@@                                              94
          300 |@@@@@                                               79
          350 |@@@@@                                               79
          400 |@@@@                                                65
          450 |@@@@                                                67
          500 |@@@                                                 55
          550 |@@@                                                 54
          600 |@@@                                                 51
          650 |@@@                                                 45
          700 |@@                                                  41
          750 |@@                                                  40
          800 |@@                                                  34
          850 |@@                                                  33
          900 |@@                                                  31
          950 |@                                                   27
         1000 |@                                                   23
        >1000 |@@@@@@@                                            102
        """;

    private static final String LINEAR_LARGE_NEG = """
        count=13
        sum=-16700000000
        min=-10000000000
        max=0
        avg=-1284615384
               value |-------------------------------------------------- count
        <-1000000000 |@                                                  1
         -1000000000 |@@@@                                               4
          -900000000 |                                                   0
          -800000000 |                                                   0
          -700000000 |                                                   0
          -600000000 |                                                   0
          -500000000 |@@@@@                                              5
          -400000000 |                                                   0
          -300000000 |                                                   0
          -200000000 |                                                   0
          -100000000 |@@                                                 2
                   0 |@                                                  1
        """;

    private static final String LINEAR_NEARLYEMPTY = """
        count=2
        sum=1443
        min=444
        max=999
        avg=721
        variance=154012
        value |-------------------------------------------------- count
          300 |                                                   0
          350 |                                                   0
          400 |@                                                  1
          450 |                                                   0
          500 |                                                   0
              ~
          850 |                                                   0
          900 |                                                   0
          950 |@                                                  1
         1000 |                                                   0
         1050 |                                                   0
        """;

    private static final String LOG = """
                       value |-------------------------------------------------- count
        -9223372036854775808 |@                                                   1
        -4611686018427387904 |@                                                   1
        -2305843009213693952 |@                                                   1
        -1152921504606846976 |@                                                   1
         -576460752303423488 |@                                                   1
         -288230376151711744 |@                                                   1
         -144115188075855872 |@                                                   1
          -72057594037927936 |@                                                   1
          -36028797018963968 |@                                                   1
          -18014398509481984 |@                                                   1
           -9007199254740992 |@                                                   1
           -4503599627370496 |@                                                   1
           -2251799813685248 |@                                                   1
           -1125899906842624 |@                                                   1
            -562949953421312 |@                                                   1
            -281474976710656 |@                                                   1
            -140737488355328 |@                                                   1
             -70368744177664 |@                                                   1
             -35184372088832 |@                                                   1
             -17592186044416 |@                                                   1
              -8796093022208 |@                                                   1
              -4398046511104 |@                                                   1
              -2199023255552 |@                                                   1
              -1099511627776 |@                                                   1
               -549755813888 |@                                                   1
               -274877906944 |@                                                   1
               -137438953472 |@                                                   1
                -68719476736 |@                                                   1
                -34359738368 |@                                                   1
                -17179869184 |@                                                   1
                 -8589934592 |@                                                   1
                 -4294967296 |@                                                   1
                 -2147483648 |@                                                   1
                 -1073741824 |@                                                   1
                  -536870912 |@                                                   1
                  -268435456 |@                                                   1
                  -134217728 |@                                                   1
                   -67108864 |@                                                   1
                   -33554432 |@                                                   1
                   -16777216 |@                                                   1
                    -8388608 |@                                                   1
                    -4194304 |@                                                   1
                    -2097152 |@                                                   1
                    -1048576 |@                                                   1
                     -524288 |@                                                   1
                     -262144 |@                                                   1
                     -131072 |@                                                   1
                      -65536 |@                                                   1
                      -32768 |@                                                   1
                      -16384 |@                                                   1
                       -8192 |@                                                   1
                       -4096 |@                                                   1
                       -2048 |@                                                   1
                       -1024 |@                                                   1
                        -512 |@                                                   1
                        -256 |@                                                   1
                        -128 |@                                                   1
                         -64 |@                                                   1
                         -32 |@                                                   1
                         -16 |@                                                   1
                          -8 |@                                                   1
                          -4 |@                                                   1
                          -2 |@                                                   1
                          -1 |@                                                   1
                           0 |@@@@@@@@@@@@@@@@@@@@                               20
                           1 |@                                                   1
                           2 |@                                                   1
                           4 |@                                                   1
                           8 |@                                                   1
                          16 |@                                                   1
                          32 |@                                                   1
                          64 |@                                                   1
                         128 |@                                                   1
                         256 |@                                                   1
                         512 |@                                                   1
                        1024 |@                                                   1
                        2048 |@                                                   1
                        4096 |@                                                   1
                        8192 |@                                                   1
                       16384 |@                                                   1
                       32768 |@                                                   1
                       65536 |@                                                   1
                      131072 |@                                                   1
                      262144 |@                                                   1
                      524288 |@                                                   1
                     1048576 |@                                                   1
                     2097152 |@                                                   1
                     4194304 |@                                                   1
                     8388608 |@                                                   1
                    16777216 |@                                                   1
                    33554432 |@                                                   1
                    67108864 |@                                                   1
                   134217728 |@                                                   1
                   268435456 |@                                                   1
                   536870912 |@                                                   1
                  1073741824 |@                                                   1
                  2147483648 |@                                                   1
                  4294967296 |@                                                   1
                  8589934592 |@                                                   1
                 17179869184 |@                                                   1
                 34359738368 |@                                                   1
                 68719476736 |@                                                   1
                137438953472 |@                                                   1
                274877906944 |@                                                   1
                549755813888 |@                                                   1
               1099511627776 |@                                                   1
               2199023255552 |@                                                   1
               4398046511104 |@                                                   1
               8796093022208 |@                                                   1
              17592186044416 |@                                                   1
              35184372088832 |@                                                   1
              70368744177664 |@                                                   1
             140737488355328 |@                                                   1
             281474976710656 |@                                                   1
             562949953421312 |@                                                   1
            1125899906842624 |@                                                   1
            2251799813685248 |@                                                   1
            4503599627370496 |@                                                   1
            9007199254740992 |@                                                   1
           18014398509481984 |@                                                   1
           36028797018963968 |@                                                   1
           72057594037927936 |@                                                   1
          144115188075855872 |@                                                   1
          288230376151711744 |@                                                   1
          576460752303423488 |@                                                   1
         1152921504606846976 |@                                                   1
         2305843009213693952 |@                                                   1
         4611686018427387904 |@                                                   1
        """;

    private static final String HIST_IN_STRING = """
        value |-------------------------------------------------- count
            0 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@         128
        """;

    private static final String LOG_EDGE_1 = """
        value |-------------------------------------------------- count
           -4 |                                                   0
           -2 |                                                   0
           -1 |@                                                  1
            0 |                                                   0
            1 |@                                                  1
            2 |                                                   0
            4 |                                                   0
        """;

    private static final String LOG_EDGE_2 = """
        value |-------------------------------------------------- count
            0 |@                                                  1
            1 |                                                   0
            2 |                                                   0
        """;

    private static final String LOG_EDGE_3 = """
                      value |-------------------------------------------------- count
        1152921504606846976 |                                                   0
        2305843009213693952 |                                                   0
        4611686018427387904 |@                                                  1
        """;

    private static final String LOG_EDGE_4 = """
        value |-------------------------------------------------- count
            0 |                                                   0
            1 |@                                                  1
            2 |@@                                                 2
            4 |@                                                  1
            8 |                                                   0
           16 |                                                   0
        """;
}
