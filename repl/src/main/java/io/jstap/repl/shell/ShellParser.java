package io.jstap.repl.shell;

import io.jstap.compiler.complete.Completion;
import io.jstap.compiler.complete.CompletionAnalyzer;
import io.jstap.compiler.parse.InputKind;
import io.jstap.compiler.parse.Parser;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;

/**
 * JLine's view of the buffer. On Enter, input the compiler's analysis calls incomplete (an open bracket,
 * string or comment, a probe without its body, a trailing operator) raises {@link EOFError}, so the reader
 * asks for a continuation line; {@code :commands} are always one line. For Tab, the word being completed
 * is the text from the analysis's replacement start to the cursor, so JLine filters and inserts candidates
 * exactly where the analysis means them to go.
 */
final class ShellParser implements org.jline.reader.Parser {

    private final CompletionAnalyzer analyzer;
    private Completion last;
    private String lastLine;
    private int lastCursor = -1;

    ShellParser(CompletionAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** True when {@code text} can be evaluated as it is. */
    boolean complete(String text) {
        if (text.stripLeading().startsWith(":")) {
            return true;
        }
        return Parser.classify(text) != InputKind.INCOMPLETE && analyzer.isComplete(text);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !complete(line)) {
            throw new EOFError(-1, -1, "incomplete input", "continue");
        }
        if (context == ParseContext.COMPLETE) {
            Completion c = completion(line, cursor);
            int from = Math.max(0, Math.min(c.replaceFrom(), cursor));
            return new Line(line, cursor, line.substring(from, cursor), cursor - from);
        }
        return new Line(line, cursor, "", 0);
    }

    /** The analysis for this buffer and cursor, computed once per Tab. */
    synchronized Completion completion(String line, int cursor) {
        if (last == null || !line.equals(lastLine) || cursor != lastCursor) {
            last = analyzer.complete(line, cursor);
            lastLine = line;
            lastCursor = cursor;
        }
        return last;
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return false;
    }

    /** The whole buffer as one line with the completion word; candidates are inserted as they are. */
    private record Line(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {
        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return wordCursor;
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }
    }
}
