package io.jstap.compiler.complete;

import java.util.List;
import java.util.Set;

/**
 * Decides whether the REPL should run the buffer or show a continuation prompt. Input is incomplete while
 * a string, comment, embedded-C block, bracket or {@code %( %)} conditional is open, while a probe or
 * function still lacks its body, or when it ends in an operator or a keyword that needs more. Errors such
 * as a stray closing bracket count as complete, so the parser gets to report them.
 */
final class CompletenessChecker {

    /** Operators that cannot end an expression or statement. {@code ++}/{@code --} can (postfix). */
    private static final Set<String> CONTINUING = Set.of(
        "+", "-", "*", "/", "%", "<<", ">>", "&", "^", "|", "&&", "||", "==", "!=", "<", ">", "<=", ">=",
        "=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|=", ".=", ".", ",", "?", ":", "!", "~",
        "=~", "!~", "<<<", "->");

    /** Keywords that cannot end the input. */
    private static final Set<String> CONTINUING_WORDS = Set.of("probe", "global", "function", "private", "else", "in");

    private CompletenessChecker() {
    }

    static boolean isComplete(String buffer) {
        if (buffer.isBlank() || buffer.stripLeading().startsWith(":")) {
            return true;   // REPL commands are one line
        }
        Scanner.Result r = Scanner.scan(buffer);
        if (r.inBlockComment() || r.inString() || r.inEmbedded()) {
            return false;
        }
        List<Token> tokens = r.tokens();
        Structure s = Structure.of(tokens);
        if (s.mismatched) {
            return true;
        }
        if (!s.open.isEmpty() || s.condDepth > 0) {
            return false;
        }
        if (s.inHeader() || s.decl == Structure.Decl.DEFINE) {
            return false;
        }
        Token last = r.last();
        if (last == null) {
            return true;
        }
        if (last.type() == Token.Type.OP && CONTINUING.contains(last.text())) {
            return false;
        }
        if (last.type() == Token.Type.COND && !last.text().equals("%)")) {
            return false;   // %? or %: (an open %( is caught above)
        }
        return !(last.isIdent() && CONTINUING_WORDS.contains(last.text()));
    }
}
