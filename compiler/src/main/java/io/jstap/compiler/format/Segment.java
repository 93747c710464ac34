package io.jstap.compiler.format;

/** One piece of a parsed format string: literal text, or a conversion that consumes arguments. */
public sealed interface Segment permits Segment.Literal, Conversion {

    /** Text copied to the output as it is ({@code %%} already reduced to {@code %}). */
    record Literal(String text) implements Segment {
    }
}
