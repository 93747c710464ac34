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
    /** Rule invocations deep; each bracket level of an expression costs about four. */
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
        setInterpreter(new StapATNSimulator((StapParser) this, getATN(), StapParser._decisionToDFA,
                StapParser._sharedContextCache));
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
    public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
        if (depth >= MAX_RULE_DEPTH) {
            throw SyntaxAbort.statement(Diagnostic.parseError(ParseCodes.NESTING, "too deeply nested",
                    Tokens.span(source, getCurrentToken())));
        }
        depth++;
        super.enterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    @Override
    public void unrollRecursionContexts(ParserRuleContext parent) {
        depth--;
        super.unrollRecursionContexts(parent);
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

    /** The tree of the whole source, kept when an abort unwinds past the start rule. */
    private ParserRuleContext script;

    protected void setScript(ParserRuleContext script) {
        this.script = script;
    }

    ParserRuleContext scriptTree() {
        return script;
    }

    /** Called by the declaration rule's catch clause for errors raised by its own decisions. */
    protected void recoverDeclaration(Token start, RecognitionException e) {
        if (bailing) {
            throw new ParseCancellationException(e);
        }
        recoverDeclaration(start, strategy.abort(this, e));
    }

    /**
     * Reports the error and skips to the next declaration keyword (one that is not a probe point or
     * member name), or to an embedded-code block, or to the end of the input.
     */
    protected void recoverDeclaration(Token start, SyntaxAbort abort) {
        if (bailing) {
            throw new ParseCancellationException(abort);
        }
        if (abort.scope == SyntaxAbort.Scope.INPUT) {
            throw abort;
        }
        report(abort.diagnostic);
        if (_input.index() <= start.getTokenIndex() && _input.LA(1) != Token.EOF) {
            _input.consume();
        }
        skipToDeclaration();
    }

    /** Skips to a token that can start a declaration, or to the end. */
    void skipToDeclaration() {
        while (true) {
            int type = _input.LA(1);
            if (type == Token.EOF || type == StapLexer.EMBEDDED
                    || Tokens.startsDeclaration(type) && !afterMemberDot()) {
                return;
            }
            _input.consume();
        }
    }

    /** Called by the statement rule's catch clause for errors raised by its own decisions. */
    protected void recoverStatement(Token start, RecognitionException e) {
        if (bailing) {
            throw new ParseCancellationException(e);
        }
        recoverStatement(start, strategy.abort(this, e));
    }

    /**
     * Reports the error and skips the rest of the broken statement, which began at {@code start}: up to
     * a ';' outside brackets, through the block it opened, or up to the '}' that closes the enclosing
     * block. Brackets the statement left open before the error count. A declaration keyword or the end of
     * the input abandons the declaration.
     */
    protected void recoverStatement(Token start, SyntaxAbort abort) {
        if (bailing) {
            throw new ParseCancellationException(abort);
        }
        if (abort.scope != SyntaxAbort.Scope.STATEMENT) {
            throw abort;
        }
        report(abort.diagnostic);
        int braces = 0;
        int parens = 0;
        for (int i = start.getTokenIndex(); i >= 0 && i < _input.index(); i++) {
            int type = _input.get(i).getType();
            if (type == StapLexer.LBRACE) {
                braces++;
            } else if (type == StapLexer.RBRACE) {
                braces = Math.max(0, braces - 1);
            } else if (type == StapLexer.LPAREN || type == StapLexer.LBRACK) {
                parens++;
            } else if (type == StapLexer.RPAREN || type == StapLexer.RBRACK) {
                parens = Math.max(0, parens - 1);
            }
        }
        while (true) {
            Token t = _input.LT(1);
            int type = t.getType();
            if (type == Token.EOF || Tokens.startsDeclaration(type) && !afterMemberDot()) {
                throw SyntaxAbort.declaration(null);
            }
            if (type == StapLexer.LBRACE) {
                braces++;
            } else if (type == StapLexer.RBRACE) {
                if (braces == 0) {
                    return;
                }
                braces--;
                if (braces == 0 && parens == 0) {
                    _input.consume();
                    return;
                }
            } else if (type == StapLexer.LPAREN || type == StapLexer.LBRACK) {
                parens++;
            } else if (type == StapLexer.RPAREN || type == StapLexer.RBRACK) {
                parens = Math.max(0, parens - 1);
            } else if (type == StapLexer.SEMI && braces == 0 && parens == 0) {
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
