package io.jstap.compiler.tapset;

import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;

/**
 * Writes generated tapset text and hands out the spans of what it wrote, so generated declarations point
 * at real, printable source. Generation runs twice: once to learn the text, once with the {@link Source}
 * built from it (the text is the same both times).
 */
final class Emitter {
    private final StringBuilder text = new StringBuilder();
    private final Source source;
    private int line = 1;
    private int lineStart;

    Emitter(Source source) {
        this.source = source;
    }

    Span put(String s) {
        int offset = text.length();
        text.append(s);
        return new Span(source, line, offset - lineStart + 1, offset, s.length());
    }

    void newline() {
        text.append('\n');
        line++;
        lineStart = text.length();
    }

    /** A span from the start of {@code first} to the end of what has been written. */
    Span from(Span first) {
        return new Span(source, first.line(), first.col(), first.offset(), text.length() - first.offset());
    }

    String text() {
        return text.toString();
    }
}
