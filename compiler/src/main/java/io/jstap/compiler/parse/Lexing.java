package io.jstap.compiler.parse;

import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/** Cuts a source into tokens, with a cap so no input can exhaust memory. */
final class Lexing {
    /** A thousand-line script is about ten thousand tokens; this bounds the parse tree to some hundreds of MB. */
    static final int MAX_TOKENS = 500_000;

    private Lexing() {
    }

    static StapLexer lexer(Source source) {
        StapLexer lexer = new StapLexer(new AsciiCharStream(source.text(), source.name()));
        lexer.removeErrorListeners();
        return lexer;
    }

    /** All tokens but EOF; past {@link #MAX_TOKENS} reports and stops. */
    static List<Token> tokens(Source source, Diagnostics diagnostics) {
        StapLexer lexer = lexer(source);
        List<Token> out = new ArrayList<>(Math.min(MAX_TOKENS, source.text().length() / 4 + 16));
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (out.size() >= MAX_TOKENS) {
                diagnostics.add(Diagnostic.parseError(ParseCodes.TOO_LARGE, "script too large: more than "
                        + MAX_TOKENS + " tokens", Tokens.span(source, t)));
                break;
            }
            out.add(t);
        }
        return out;
    }

    /** An EOF token placed just after the last token, so "expected '}'" at the end points at the last line. */
    static Token eof(Source source, List<Token> tokens) {
        CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
        int offset = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).getStopIndex() + 1;
        offset = Math.min(offset, source.text().length());
        eof.setStartIndex(offset);
        eof.setStopIndex(offset - 1);
        eof.setLine(source.lineOf(offset));
        eof.setCharPositionInLine(source.columnOf(offset) - 1);
        return eof;
    }
}
