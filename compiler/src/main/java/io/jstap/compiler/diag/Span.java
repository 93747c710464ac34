package io.jstap.compiler.diag;

/**
 * Where a node or diagnostic comes from: source, 1-based line and column, character offset and length.
 * {@code expandedFrom} is the span of the macro use or tapset alias reference this text was expanded at.
 *
 * <p>Spans never take part in equality: two ASTs are equal when their structure is, wherever they came
 * from. That is what makes {@code parse(print(ast)).equals(ast)} and the reload comparison of probe bodies work.
 */
public record Span(Source source, int line, int col, int offset, int length, Span expandedFrom) {

    public static final Span NONE = new Span(new Source("<none>", ""), 0, 0, 0, 0, null);

    public Span(Source source, int line, int col, int offset, int length) {
        this(source, line, col, offset, length, null);
    }

    /** A span covering this one through {@code end}. */
    public Span to(Span end) {
        if (end == null || end.source != source || end.offset < offset) {
            return this;
        }
        return new Span(source, line, col, offset, Math.max(length, end.offset + end.length - offset), expandedFrom);
    }

    public Span withExpandedFrom(Span use) {
        return new Span(source, line, col, offset, length, use);
    }

    /** {@code file:line:col}. */
    public String location() {
        return source.name() + ":" + line + ":" + col;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Span;
    }

    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return location();
    }
}
