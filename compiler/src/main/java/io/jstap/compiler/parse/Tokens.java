package io.jstap.compiler.parse;

import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Spans and stap-style descriptions of tokens. */
final class Tokens {
    private static final int MAX_SHOWN = 40;

    private Tokens() {
    }

    static Span span(Source source, Token t) {
        int length = t.getType() == Token.EOF ? 0 : Math.max(0, t.getStopIndex() - t.getStartIndex() + 1);
        return new Span(source, t.getLine(), t.getCharPositionInLine() + 1, Math.max(0, t.getStartIndex()), length,
                StapToken.expandedFrom(t));
    }

    /** From the first to the last token of a rule (the first alone when the rule matched nothing). */
    static Span span(Source source, ParserRuleContext ctx) {
        Span first = span(source, ctx.getStart());
        Token stop = ctx.getStop();
        if (stop == null || stop == ctx.getStart() || stop.getType() == Token.EOF) {
            return first;
        }
        return first.to(span(source, stop));
    }

    static boolean isKeyword(int type) {
        return type >= StapLexer.PROBE && type <= StapLexer.CATCH;
    }

    /** {@code @define}, {@code @count} ... {@code @var} and any other {@code @name}: possible macro uses. */
    static boolean isAtWord(int type) {
        return type >= StapLexer.AT_DEFINE && type <= StapLexer.AT_VAR || type == StapLexer.AT_IDENT;
    }

    /** Tokens the lexer makes of text stap rejects. */
    static boolean isJunk(int type) {
        return type == StapLexer.JUNK || type == StapLexer.UNCLOSED_STRING || type == StapLexer.UNCLOSED_COMMENT
                || type == StapLexer.UNCLOSED_EMBEDDED;
    }

    /** Declaration keywords, where recovery after an error starts again. */
    static boolean startsDeclaration(int type) {
        return type == StapLexer.PROBE || type == StapLexer.GLOBAL || type == StapLexer.FUNCTION
                || type == StapLexer.PRIVATE;
    }

    /** What stap prints after "saw:": {@code identifier 'foo'}, {@code operator '{'}, {@code end of file}. */
    static String describe(Token t) {
        int type = t.getType();
        if (type == Token.EOF) {
            return "end of file";
        }
        String kind;
        if (type == StapLexer.IDENT || type == StapLexer.DOLLAR_IDENT || type == StapLexer.DOLLARS) {
            kind = "identifier";
        } else if (isKeyword(type)) {
            kind = "keyword";
        } else if (type == StapLexer.NUMBER) {
            kind = "number";
        } else if (type == StapLexer.STRING || type == StapLexer.UNCLOSED_STRING) {
            kind = "string";
        } else if (type == StapLexer.EMBEDDED || type == StapLexer.UNCLOSED_EMBEDDED) {
            return "embedded-code";
        } else if (type == StapLexer.JUNK) {
            return "junk '" + junkText(t.getText()) + "'";
        } else if (type == StapLexer.UNCLOSED_COMMENT) {
            return "comment";
        } else {
            kind = "operator";
        }
        return kind + " '" + printable(t.getText()) + "'";
    }

    /** A junk character as stap shows it: itself when printable, else {@code \xNN}. */
    static String junkText(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char c = text.charAt(0);
        if (c >= 0x21 && c < 0x7f) {
            return String.valueOf(c);
        }
        return c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    }

    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && i < MAX_SHOWN; i++) {
            char c = text.charAt(i);
            sb.append(c >= ' ' && c < 0x7f ? c : '?');
        }
        if (text.length() > MAX_SHOWN) {
            sb.append("...");
        }
        return sb.toString();
    }
}
