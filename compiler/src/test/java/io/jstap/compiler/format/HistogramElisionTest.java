package io.jstap.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Elision of empty rows at every HIST_ELISION level: the eleven histograms of stap's
 * testsuite/systemtap.maps/elision, each drawn and concatenated, against stap's expected text.
 */
class HistogramElisionTest {

    /** The statistics of elision.stp, in order: linear (0,1500,50) x6, linear (-100,100,10) x2, log x3. */
    static List<Stats> scenarios() {
        HistogramSpec a = HistogramSpec.linear(0, 1500, 50);
        HistogramSpec b = HistogramSpec.linear(-100, 100, 10);
        return List.of(
            stats(a, 444, 999), stats(a, 444, 500), stats(a, 0), stats(a, 50), stats(a, 1450), stats(a, 1500),
            stats(b, -10), stats(b, 0),
            stats(HistogramSpec.LOG, 128), stats(HistogramSpec.LOG, 0), stats(HistogramSpec.LOG, -2, -4096));
    }

    static Stats stats(HistogramSpec spec, long... values) {
        Stats s = new Stats(spec, 0);
        for (long v : values) {
            s.add(v);
        }
        return s;
    }

    static Stream<Arguments> levels() {
        return Stream.of(
            Arguments.of(-1, ELISION_M1),
            Arguments.of(0, ELISION_0),
            Arguments.of(1, ELISION_1),
            Arguments.of(2, ELISION_2),
            Arguments.of(3, ELISION_3));
    }

    @ParameterizedTest
    @MethodSource("levels")
    void elisionMatchesStap(int elision, String expected) {
        StringBuilder out = new StringBuilder();
        for (Stats s : scenarios()) {
            out.append(HistogramPrinter.render(s.histogram(), s.buckets(), HistogramPrinter.DEFAULT_WIDTH, elision));
        }
        assertEquals(expected, out.toString());
        if (elision == HistogramPrinter.DEFAULT_ELISION) {
            StringBuilder byDefault = new StringBuilder();
            scenarios().forEach(s -> byDefault.append(HistogramPrinter.render(s)));
            assertEquals(expected, byDefault.toString());
        }
    }

    private static final String ELISION_M1 = """
        value |-------------------------------------------------- count
          300 |                                                   0
          350 |                                                   0
          400 |@                                                  1
          450 |                                                   0
          500 |                                                   0
          550 |                                                   0
          600 |                                                   0
          650 |                                                   0
          700 |                                                   0
          750 |                                                   0
          800 |                                                   0
          850 |                                                   0
          900 |                                                   0
          950 |@                                                  1
         1000 |                                                   0
         1050 |                                                   0

        value |-------------------------------------------------- count
          300 |                                                   0
          350 |                                                   0
          400 |@                                                  1
          450 |                                                   0
          500 |@                                                  1
          550 |                                                   0
          600 |                                                   0

        value |-------------------------------------------------- count
            0 |@                                                  1
           50 |                                                   0
          100 |                                                   0

        value |-------------------------------------------------- count
            0 |                                                   0
           50 |@                                                  1
          100 |                                                   0
          150 |                                                   0

        value |-------------------------------------------------- count
         1350 |                                                   0
         1400 |                                                   0
         1450 |@                                                  1
         1500 |                                                   0

        value |-------------------------------------------------- count
         1400 |                                                   0
         1450 |                                                   0
         1500 |@                                                  1

        value |-------------------------------------------------- count
          -30 |                                                   0
          -20 |                                                   0
          -10 |@                                                  1
            0 |                                                   0
           10 |                                                   0

        value |-------------------------------------------------- count
          -20 |                                                   0
          -10 |                                                   0
            0 |@                                                  1
           10 |                                                   0
           20 |                                                   0

        value |-------------------------------------------------- count
           32 |                                                   0
           64 |                                                   0
          128 |@                                                  1
          256 |                                                   0
          512 |                                                   0

        value |-------------------------------------------------- count
            0 |@                                                  1
            1 |                                                   0
            2 |                                                   0

         value |-------------------------------------------------- count
        -16384 |                                                   0
         -8192 |                                                   0
         -4096 |@                                                  1
         -2048 |                                                   0
         -1024 |                                                   0
          -512 |                                                   0
          -256 |                                                   0
          -128 |                                                   0
           -64 |                                                   0
           -32 |                                                   0
           -16 |                                                   0
            -8 |                                                   0
            -4 |                                                   0
            -2 |@                                                  1
            -1 |                                                   0
             0 |                                                   0

        """;

    private static final String ELISION_0 = """
        value |-------------------------------------------------- count
              ~
          400 |@                                                  1
              ~
          950 |@                                                  1

        value |-------------------------------------------------- count
              ~
          400 |@                                                  1
              ~
          500 |@                                                  1

        value |-------------------------------------------------- count
            0 |@                                                  1

        value |-------------------------------------------------- count
              ~
           50 |@                                                  1

        value |-------------------------------------------------- count
              ~
         1450 |@                                                  1

        value |-------------------------------------------------- count
              ~
         1500 |@                                                  1

        value |-------------------------------------------------- count
              ~
          -10 |@                                                  1

        value |-------------------------------------------------- count
              ~
            0 |@                                                  1

        value |-------------------------------------------------- count
              ~
          128 |@                                                  1

        value |-------------------------------------------------- count
            0 |@                                                  1

         value |-------------------------------------------------- count
               ~
         -4096 |@                                                  1
               ~
            -2 |@                                                  1

        """;

    private static final String ELISION_1 = """
        value |-------------------------------------------------- count
              ~
          350 |                                                   0
          400 |@                                                  1
          450 |                                                   0
              ~
          900 |                                                   0
          950 |@                                                  1
         1000 |                                                   0

        value |-------------------------------------------------- count
              ~
          350 |                                                   0
          400 |@                                                  1
          450 |                                                   0
          500 |@                                                  1
          550 |                                                   0

        value |-------------------------------------------------- count
            0 |@                                                  1
           50 |                                                   0

        value |-------------------------------------------------- count
            0 |                                                   0
           50 |@                                                  1
          100 |                                                   0

        value |-------------------------------------------------- count
              ~
         1400 |                                                   0
         1450 |@                                                  1
         1500 |                                                   0

        value |-------------------------------------------------- count
              ~
         1450 |                                                   0
         1500 |@                                                  1

        value |-------------------------------------------------- count
              ~
          -20 |                                                   0
          -10 |@                                                  1
            0 |                                                   0

        value |-------------------------------------------------- count
              ~
          -10 |                                                   0
            0 |@                                                  1
           10 |                                                   0

        value |-------------------------------------------------- count
              ~
           64 |                                                   0
          128 |@                                                  1
          256 |                                                   0

        value |-------------------------------------------------- count
            0 |@                                                  1
            1 |                                                   0

         value |-------------------------------------------------- count
               ~
         -8192 |                                                   0
         -4096 |@                                                  1
         -2048 |                                                   0
               ~
            -4 |                                                   0
            -2 |@                                                  1
            -1 |                                                   0

        """;

    private static final String ELISION_2 = """
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

        value |-------------------------------------------------- count
          300 |                                                   0
          350 |                                                   0
          400 |@                                                  1
          450 |                                                   0
          500 |@                                                  1
          550 |                                                   0
          600 |                                                   0

        value |-------------------------------------------------- count
            0 |@                                                  1
           50 |                                                   0
          100 |                                                   0

        value |-------------------------------------------------- count
            0 |                                                   0
           50 |@                                                  1
          100 |                                                   0
          150 |                                                   0

        value |-------------------------------------------------- count
         1350 |                                                   0
         1400 |                                                   0
         1450 |@                                                  1
         1500 |                                                   0

        value |-------------------------------------------------- count
         1400 |                                                   0
         1450 |                                                   0
         1500 |@                                                  1

        value |-------------------------------------------------- count
          -30 |                                                   0
          -20 |                                                   0
          -10 |@                                                  1
            0 |                                                   0
           10 |                                                   0

        value |-------------------------------------------------- count
          -20 |                                                   0
          -10 |                                                   0
            0 |@                                                  1
           10 |                                                   0
           20 |                                                   0

        value |-------------------------------------------------- count
           32 |                                                   0
           64 |                                                   0
          128 |@                                                  1
          256 |                                                   0
          512 |                                                   0

        value |-------------------------------------------------- count
            0 |@                                                  1
            1 |                                                   0
            2 |                                                   0

         value |-------------------------------------------------- count
        -16384 |                                                   0
         -8192 |                                                   0
         -4096 |@                                                  1
         -2048 |                                                   0
         -1024 |                                                   0
               ~
            -8 |                                                   0
            -4 |                                                   0
            -2 |@                                                  1
            -1 |                                                   0
             0 |                                                   0

        """;

    private static final String ELISION_3 = """
        value |-------------------------------------------------- count
          300 |                                                   0
          350 |                                                   0
          400 |@                                                  1
          450 |                                                   0
          500 |                                                   0
          550 |                                                   0
              ~
          800 |                                                   0
          850 |                                                   0
          900 |                                                   0
          950 |@                                                  1
         1000 |                                                   0
         1050 |                                                   0

        value |-------------------------------------------------- count
          300 |                                                   0
          350 |                                                   0
          400 |@                                                  1
          450 |                                                   0
          500 |@                                                  1
          550 |                                                   0
          600 |                                                   0

        value |-------------------------------------------------- count
            0 |@                                                  1
           50 |                                                   0
          100 |                                                   0

        value |-------------------------------------------------- count
            0 |                                                   0
           50 |@                                                  1
          100 |                                                   0
          150 |                                                   0

        value |-------------------------------------------------- count
         1350 |                                                   0
         1400 |                                                   0
         1450 |@                                                  1
         1500 |                                                   0

        value |-------------------------------------------------- count
         1400 |                                                   0
         1450 |                                                   0
         1500 |@                                                  1

        value |-------------------------------------------------- count
          -30 |                                                   0
          -20 |                                                   0
          -10 |@                                                  1
            0 |                                                   0
           10 |                                                   0

        value |-------------------------------------------------- count
          -20 |                                                   0
          -10 |                                                   0
            0 |@                                                  1
           10 |                                                   0
           20 |                                                   0

        value |-------------------------------------------------- count
           32 |                                                   0
           64 |                                                   0
          128 |@                                                  1
          256 |                                                   0
          512 |                                                   0

        value |-------------------------------------------------- count
            0 |@                                                  1
            1 |                                                   0
            2 |                                                   0

         value |-------------------------------------------------- count
        -16384 |                                                   0
         -8192 |                                                   0
         -4096 |@                                                  1
         -2048 |                                                   0
         -1024 |                                                   0
          -512 |                                                   0
               ~
           -16 |                                                   0
            -8 |                                                   0
            -4 |                                                   0
            -2 |@                                                  1
            -1 |                                                   0
             0 |                                                   0

        """;
}
