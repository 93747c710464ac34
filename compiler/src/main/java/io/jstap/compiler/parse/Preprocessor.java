package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The second preprocessor pass, as stap's scan_pp: keeps the tokens of the true branch of each
 * {@code %( condition %? then %: else %)} and drops the rest, pulling tokens through the macro pass.
 * Conditions are terms {@code left op right} (or {@code defined(@N)}) joined by {@code &&} and
 * {@code ||}, {@code &&} binding tighter.
 */
final class Preprocessor {

    /** What the parser reads: the surviving tokens (no EOF yet; the list may be added to) and the macros. */
    record Result(List<Token> tokens, List<Decl.Macro> macros) {
    }

    private enum State { KEEP_THEN, SKIP_THEN, KEEP_ELSE, SKIP_ELSE }

    private static final class Frame {
        final Token open;
        State state;

        Frame(Token open, State state) {
            this.open = open;
            this.state = state;
        }
    }

    private final Source source;
    private final Diagnostics diagnostics;
    private final MacroExpander macros;
    private final ConditionEvaluator evaluator;
    private final Deque<Frame> frames = new ArrayDeque<>();
    /** Whether the condition being read has consumed its {@code %?} already. */
    private boolean sawThen;

    private Preprocessor(Source source, List<Token> lexed, PreprocessorContext ctx, Diagnostics diagnostics,
                         int maxTokens) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.macros = new MacroExpander(source, lexed, diagnostics, maxTokens);
        this.evaluator = new ConditionEvaluator(ctx);
    }

    static Result run(Source source, List<Token> lexed, PreprocessorContext ctx, Diagnostics diagnostics,
                      int maxTokens) {
        Preprocessor p = new Preprocessor(source, lexed, ctx, diagnostics, maxTokens);
        List<Token> out = p.tokens(lexed.size());
        return new Result(out, List.copyOf(p.macros.declared()));
    }

    private List<Token> tokens(int expected) {
        // One more for the EOF the parser adds.
        List<Token> out = new ArrayList<>(expected + 1);
        while (true) {
            Frame top = frames.peek();
            boolean skipping = top != null && (top.state == State.SKIP_THEN || top.state == State.SKIP_ELSE);
            Token t = skipping ? skip() : macros.next(false);
            if (t == null) {
                if (top != null) {
                    error("incomplete conditional at end of file", top.open);
                }
                return out;
            }
            switch (t.getType()) {
                case StapLexer.PP_THEN:
                    error("incomplete conditional - missing '%('", t);
                    break;
                case StapLexer.PP_ELSE:
                    if (top == null) {
                        error("incomplete conditional - missing '%('", t);
                    } else if (top.state == State.KEEP_ELSE || top.state == State.SKIP_ELSE) {
                        error("invalid conditional - duplicate '%:'", t);
                    } else {
                        top.state = top.state == State.KEEP_THEN ? State.SKIP_ELSE : State.KEEP_ELSE;
                    }
                    break;
                case StapLexer.PP_CLOSE:
                    if (top == null) {
                        error("incomplete conditional - missing '%('", t);
                    } else {
                        frames.pop();
                    }
                    break;
                case StapLexer.PP_OPEN:
                    frames.push(new Frame(t, condition(t) ? State.KEEP_THEN : State.SKIP_THEN));
                    break;
                default:
                    out.add(t);
            }
        }
    }

    /** Drops tokens of a false branch up to the {@code %:}, {@code %?} or {@code %)} at its level. */
    private Token skip() {
        int nesting = 0;
        while (true) {
            Token t = macros.next(true);
            if (t == null) {
                return null;
            }
            int type = t.getType();
            if (type == StapLexer.PP_OPEN) {
                nesting++;
            } else if (nesting > 0 && type == StapLexer.PP_CLOSE) {
                nesting--;
            } else if (nesting == 0 && (type == StapLexer.PP_ELSE || type == StapLexer.PP_THEN
                    || type == StapLexer.PP_CLOSE)) {
                return t;
            }
        }
    }

    /** Reads and evaluates the condition after {@code %(} up to its {@code %?}; false if it is broken. */
    private boolean condition(Token open) {
        boolean result = false;
        boolean and = true;
        sawThen = false;
        try {
            while (true) {
                and &= term(open);
                Token n = macros.next(false);
                if (n != null && n.getType() == StapLexer.ANDAND) {
                    continue;
                }
                result |= and;
                and = true;
                if (n != null && n.getType() == StapLexer.OROR) {
                    continue;
                }
                if (n == null || n.getType() != StapLexer.PP_THEN) {
                    if (n != null) {
                        macros.pushBack(n);
                    }
                    throw new ConditionEvaluator.ConditionError("expected '%?' marker for conditional", open);
                }
                return result;
            }
        } catch (ConditionEvaluator.ConditionError e) {
            report(Diagnostic.parseError(e.code, e.getMessage(), Tokens.span(source, e.at)));
            skipToThen();
            return false;
        }
    }

    private boolean term(Token open) throws ConditionEvaluator.ConditionError {
        Token l = next(open);
        Token op = next(open);
        if (l.getType() == StapLexer.IDENT && l.getText().equals("defined") && op.getType() == StapLexer.LPAREN) {
            Token arg = next(open);
            Token close = next(open);
            if (close.getType() != StapLexer.RPAREN) {
                throw new ConditionEvaluator.ConditionError("expected ')'", close);
            }
            return evaluator.defined(arg);
        }
        Token r = next(open);
        return evaluator.eval(l, op, r);
    }

    private Token next(Token open) throws ConditionEvaluator.ConditionError {
        Token t = macros.next(false);
        if (t == null) {
            throw new ConditionEvaluator.ConditionError("incomplete condition after '%('", open);
        }
        if (t.getType() == StapLexer.PP_THEN) {
            sawThen = true;
            throw new ConditionEvaluator.ConditionError("incomplete condition before '%?'", t);
        }
        if (t.getType() == StapLexer.PP_OPEN || t.getType() == StapLexer.PP_ELSE
                || t.getType() == StapLexer.PP_CLOSE) {
            macros.pushBack(t);
            throw new ConditionEvaluator.ConditionError("incomplete condition before '" + t.getText() + "'", t);
        }
        return t;
    }

    /**
     * After a broken condition, drops the rest of it up to its {@code %?}, so the branch that follows is
     * skipped as false. A {@code %:} or {@code %)} met first is left for the main loop.
     */
    private void skipToThen() {
        int nesting = 0;
        while (!sawThen) {
            Token t = macros.next(true);
            if (t == null) {
                return;
            }
            int type = t.getType();
            if (type == StapLexer.PP_OPEN) {
                nesting++;
            } else if (nesting > 0 && type == StapLexer.PP_CLOSE) {
                nesting--;
            } else if (nesting == 0 && type == StapLexer.PP_THEN) {
                return;
            } else if (nesting == 0 && (type == StapLexer.PP_ELSE || type == StapLexer.PP_CLOSE)) {
                macros.pushBack(t);
                return;
            }
        }
    }

    private void error(String message, Token at) {
        report(Diagnostic.parseError(ParseCodes.CONDITIONAL, message, Tokens.span(source, at)));
    }

    private void report(Diagnostic d) {
        diagnostics.add(d);
    }
}
