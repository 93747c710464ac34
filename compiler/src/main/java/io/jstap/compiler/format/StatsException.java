package io.jstap.compiler.format;

/**
 * A statistics error with stap's wording: {@code "empty aggregate"} for {@code @min}, {@code @max},
 * {@code @avg}, {@code @variance} and histograms of a statistic that has seen no value, or an
 * invalid {@code @hist_linear} shape.
 */
public final class StatsException extends StapError {
    private static final long serialVersionUID = 1L;

    /** stap's message for reading an aggregate that holds no value. */
    public static final String EMPTY_AGGREGATE = "empty aggregate";

    public StatsException(String message) {
        super(message);
    }
}
