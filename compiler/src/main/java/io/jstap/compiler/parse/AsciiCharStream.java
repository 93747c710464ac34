package io.jstap.compiler.parse;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The lexer's view of a source: every character above 0x7f reads as '`', which, like them, can stand
 * inside strings and comments and is junk anywhere else. ANTLR's lexer caches its decisions for ASCII
 * only and simulates its automaton for every other character, which made non-ASCII text (a comment in
 * another language, binary junk) hundreds of times slower to lex. Token texts still come from the real
 * text. Positions are UTF-16 offsets, the same as {@link io.jstap.compiler.diag.Source}'s.
 */
final class AsciiCharStream implements CharStream {
    private static final int STAND_IN = '`';

    private final String text;
    private final String name;
    private int index;

    AsciiCharStream(String text, String name) {
        this.text = text;
        this.name = name;
    }

    @Override
    public int LA(int i) {
        int at = i > 0 ? index + i - 1 : index + i;
        if (i == 0 || at < 0 || at >= text.length()) {
            return i == 0 ? 0 : IntStream.EOF;
        }
        char c = text.charAt(at);
        return c > 0x7f ? STAND_IN : c;
    }

    @Override
    public void consume() {
        if (index >= text.length()) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int index) {
        this.index = Math.min(Math.max(0, index), text.length());
    }

    @Override
    public int size() {
        return text.length();
    }

    @Override
    public String getSourceName() {
        return name;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(text.length() - 1, interval.b);
        return start > stop ? "" : text.substring(start, stop + 1);
    }
}
