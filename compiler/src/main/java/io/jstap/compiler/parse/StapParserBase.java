package io.jstap.compiler.parse;

import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * What the generated parser needs beyond the grammar: the probe-point adjacency predicate, a cap on rule
 * nesting (so no input can overflow the stack), and statement-level error recovery.
 */
public abstract class StapParserBase extends Parser {
    /** Rule invocations deep; each bracket level of an expression costs about twenty. */
    static final int MAX_RULE_DEPTH = 2500;

    private int depth;
    private Source source = new Source("<none>", "");
    private Diagnostics diagnostics = new Diagnostics();
    private StapErrorStrategy strategy = new StapErrorStrategy(source);
    /** True during the fast SLL attempt: any error means "retry in LL mode", not "report". */
    private boolean bailing;

    protected StapParserBase(TokenStream input) {
        super(input);
    }

    void configure(Source source, Diagnostics diagnostics, StapErrorStrategy strategy) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.strategy = strategy;
    }

    void setBailing(boolean bailing) {
        this.bailing = bailing;
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        if (depth >= MAX_RULE_DEPTH) {
            // Thrown before the rule is entered, so its exitRule will not run: depth stays balanced.
            throw SyntaxAbort.statement(Diagnostic.parseError(ParseCodes.NESTING, "too deeply nested",
                    Tokens.span(source, getCurrentToken())));
        }
        depth++;
        super.enterRule(localctx, state, ruleIndex);
    }

    @Override
    public void exitRule() {
        depth--;
        super.exitRule();
    }

    /** Probe point name pieces join only when nothing separates them: {@code sys_*}, not {@code sys_ *}. */
    protected boolean adjacentToPrevious() {
        Token prev = _input.LT(-1);
        Token next = _input.LT(1);
        return prev != null && next != null && prev.getStopIndex() + 1 == next.getStartIndex()
                && StapToken.expandedFrom(prev) == StapToken.expandedFrom(next);
    }

    /** Called by the statement rule's catch clause for errors raised by its own decisions. */
    protected void recoverStatement(RecognitionException e) {
        if (bailing) {
            throw new ParseCancellationException(e);
        }
        recoverStatement(strategy.abort(this, e));
    }

    /**
     * Reports the error and skips the rest of the broken statement: up to and including a ';', or up to
     * the '}' that closes the enclosing block, or through a bracketed group the statement opened.
     * A declaration keyword or the end of the input abandons the declaration.
     */
    protected void recoverStatement(SyntaxAbort abort) {
        if (bailing) {
            throw new ParseCancellationException(abort);
        }
        if (abort.scope != SyntaxAbort.Scope.STATEMENT) {
            throw abort;
        }
        report(abort.diagnostic);
        int nesting = 0;
        while (true) {
            Token t = _input.LT(1);
            int type = t.getType();
            if (type == Token.EOF || Tokens.startsDeclaration(type) && !afterMemberDot()) {
                throw SyntaxAbort.declaration(null);
            }
            if (type == StapLexer.LPAREN || type == StapLexer.LBRACK || type == StapLexer.LBRACE) {
                nesting++;
            } else if (type == StapLexer.RPAREN || type == StapLexer.RBRACK) {
                nesting = Math.max(0, nesting - 1);
            } else if (type == StapLexer.RBRACE) {
                if (nesting == 0) {
                    return;
                }
                nesting--;
                if (nesting == 0) {
                    _input.consume();
                    return;
                }
            } else if (type == StapLexer.SEMI && nesting == 0) {
                _input.consume();
                return;
            }
            _input.consume();
        }
    }

    /** {@code kernel.function}, {@code $p->next}: a keyword here is a name, not a declaration. */
    private boolean afterMemberDot() {
        Token prev = _input.LT(-1);
        return prev != null && (prev.getType() == StapLexer.DOT || prev.getType() == StapLexer.ARROW);
    }

    /** Records an error; after {@link Diagnostics#LIMIT} errors the whole parse stops. */
    void report(Diagnostic d) {
        if (d == null) {
            return;
        }
        diagnostics.add(d);
        if (diagnostics.errorCount() >= Diagnostics.LIMIT) {
            throw SyntaxAbort.input(null);
        }
    }
}
