package io.jstap.compiler.parse;

import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Source;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns every syntax error into a stap-style diagnostic and a {@link SyntaxAbort}, instead of ANTLR's
 * token insertion and deletion: the parser gives up on the statement (or declaration) and starts again at
 * a boundary, the way stap does, so messages say what was expected where the user wrote something else.
 */
final class StapErrorStrategy extends DefaultErrorStrategy {
    private final Source source;

    StapErrorStrategy(Source source) {
        this.source = source;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        throw abort(recognizer, e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw abort(recognizer, new InputMismatchException(recognizer));
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw abort(recognizer, e);
    }

    /**
     * Only between the statements of a block: a token that can neither start a statement nor close the
     * block is reported once ("unexpected ')'") and skipped with whatever follows up to the next token
     * that can. Everywhere else errors surface at the failing match and unwind to a boundary.
     */
    @Override
    public void sync(Parser recognizer) {
        if (recognizer.getContext() instanceof StapParser.ScriptContext) {
            syncScript((StapParserBase) recognizer);
            return;
        }
        if (!(recognizer.getContext() instanceof StapParser.BlockContext)) {
            return;
        }
        TokenStream input = recognizer.getInputStream();
        IntervalSet next = recognizer.getATN().nextTokens(recognizer.getATN().states.get(recognizer.getState()));
        int la = input.LA(1);
        if (next.contains(la) || la == Token.EOF || Tokens.startsDeclaration(la)) {
            // Acceptable, or left to the match of '}' ("expected '}'"): the block cannot go on.
            return;
        }
        Token t = recognizer.getCurrentToken();
        Diagnostic d = StapToken.isReported(t) ? null : Tokens.isJunk(la) ? junk(source, t)
                : Diagnostic.parseError(ParseCodes.SYNTAX, "unexpected " + Tokens.describe(t), Tokens.span(source, t));
        ((StapParserBase) recognizer).report(d);
        do {
            input.consume();
            la = input.LA(1);
        } while (!next.contains(la) && la != Token.EOF && !Tokens.startsDeclaration(la));
    }

    /** Between declarations: anything that cannot start one is reported and skipped, as stap does. */
    private void syncScript(StapParserBase recognizer) {
        int la = recognizer.getInputStream().LA(1);
        if (la == Token.EOF || la == StapLexer.EMBEDDED || Tokens.startsDeclaration(la)) {
            return;
        }
        Token t = recognizer.getCurrentToken();
        recognizer.report(StapToken.isReported(t) ? null : Tokens.isJunk(la) ? junk(source, t)
                : Diagnostic.parseError(ParseCodes.SYNTAX, "expected 'probe', 'global', 'private' or 'function'",
                        Tokens.span(source, t), "saw: " + Tokens.describe(t)));
        recognizer.getInputStream().consume();
        recognizer.skipToDeclaration();
    }

    SyntaxAbort abort(Parser recognizer, RecognitionException e) {
        return SyntaxAbort.statement(diagnostic(recognizer, e));
    }

    Diagnostic diagnostic(Parser recognizer, RecognitionException e) {
        Token t = e.getOffendingToken() != null ? e.getOffendingToken() : recognizer.getCurrentToken();
        if (StapToken.isReported(t)) {
            return null;
        }
        if (Tokens.isJunk(t.getType())) {
            return junk(source, t);
        }
        String saw = "saw: " + Tokens.describe(t);
        String message;
        if (e instanceof FailedPredicateException) {
            // The only predicate glues probe point name pieces; a space between two pieces ends the name.
            message = "expected one of ', { } = +='";
        } else if (e.getCtx() instanceof StapParser.PpNameContext) {
            // A name piece after a space: the probe point ended before it.
            message = "expected one of ', { } = +='";
        } else {
            IntervalSet expected = expected(recognizer, e);
            message = expected == null ? "unexpected " + Tokens.describe(t) : expectedWords(expected, t);
        }
        return Diagnostic.parseError(ParseCodes.SYNTAX, message, Tokens.span(source, t), saw);
    }

    /**
     * What could have come instead of the offending token. When prediction failed some tokens after the
     * decision ({@code (1 + }} fails at '}'), the configurations alive just before it know; otherwise
     * the state the parser was in does.
     */
    private static IntervalSet expected(Parser recognizer, RecognitionException e) {
        if (e instanceof NoViableAltException nva && nva.getDeadEndConfigs() != null
                && nva.getStartToken() != nva.getOffendingToken()) {
            IntervalSet set = new IntervalSet();
            for (ATNConfig c : nva.getDeadEndConfigs()) {
                set.addAll(recognizer.getATN().nextTokens(c.state));
            }
            set.remove(Token.EPSILON);
            if (!set.isNil()) {
                return set;
            }
        }
        return e.getExpectedTokens();
    }

    /** The diagnostic for a token the lexer made of text stap rejects. */
    static Diagnostic junk(Source source, Token t) {
        String message;
        switch (t.getType()) {
            case StapLexer.UNCLOSED_STRING:
                message = "could not find matching closing quote";
                break;
            case StapLexer.UNCLOSED_COMMENT:
                message = "could not find matching '*/' to close comment";
                break;
            case StapLexer.UNCLOSED_EMBEDDED:
                message = "could not find matching '%}' to close embedded code block";
                break;
            default:
                message = "unexpected character '" + Tokens.junkText(t.getText()) + "'";
        }
        return Diagnostic.parseError(ParseCodes.JUNK, message, Tokens.span(source, t));
    }

    private static String expectedWords(IntervalSet expected, Token t) {
        IntervalSet set = new IntervalSet(expected);
        set.remove(Token.EPSILON);
        boolean onlyEof = set.size() == 1 && set.contains(Token.EOF);
        if (onlyEof || set.isNil()) {
            return "unexpected " + Tokens.describe(t);
        }
        set.remove(Token.EOF);
        if (t.getType() == Token.EOF && set.contains(StapLexer.RBRACE)) {
            // The input ended inside a block: the brace is what is missing, whatever else could also come.
            return "expected '}'";
        }
        if (set.contains(StapLexer.PROBE) && set.contains(StapLexer.GLOBAL) && !set.contains(StapLexer.IDENT)) {
            return "expected 'probe', 'global', 'private' or 'function'";
        }
        if (set.size() > 3) {
            boolean expression = set.contains(StapLexer.IDENT) && set.contains(StapLexer.NUMBER)
                    && set.contains(StapLexer.LPAREN);
            if (expression && (set.contains(StapLexer.IF) || set.contains(StapLexer.SEMI))) {
                return "expected statement";
            }
            if (expression) {
                return "expected expression";
            }
            if (set.contains(StapLexer.IDENT) && set.contains(StapLexer.STAR) && set.contains(StapLexer.LBRACE)) {
                return "expected probe point";
            }
            if (set.size() > 6) {
                return "unexpected " + Tokens.describe(t);
            }
        }
        List<String> names = new ArrayList<>();
        for (int type : set.toArray()) {
            names.add(displayName(type));
        }
        return "expected " + join(names);
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    static String displayName(int type) {
        switch (type) {
            case StapLexer.IDENT:
                return "identifier";
            case StapLexer.NUMBER:
                return "number";
            case StapLexer.STRING:
                return "string literal";
            case StapLexer.DOLLAR_IDENT:
                return "$variable";
            case StapLexer.SCRIPT_ARG:
                return "script argument";
            case StapLexer.EMBEDDED:
                return "'%{'";
            case StapLexer.DOLLARS:
                return "'$'";
            case Token.EOF:
                return "end of file";
            default:
                String literal = StapLexer.VOCABULARY.getLiteralName(type);
                return literal != null ? literal : StapLexer.VOCABULARY.getDisplayName(type);
        }
    }
}
