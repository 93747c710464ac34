package io.jstap.compiler.parse;

import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PrecedencePredicateTransition;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.StarLoopEntryState;
import org.antlr.v4.runtime.dfa.DFA;

/**
 * ANTLR's prediction, made to behave like stap's parser, which decides everything on one token of
 * lookahead and is greedy.
 *
 * <p>First, a decision where the next token starts exactly one alternative takes it at once; in the
 * expression rule, an operator continues the expression when its precedence allows. Beyond speed, this
 * matters because semicolons are optional: in {@code x = a + b} the '+' could also start a new statement
 * {@code +b}, so ANTLR's LL(*) prediction would scan to the end of every operator chain to see both
 * readings agree (quadratic in the chain, and worse in full-context mode). stap continues the
 * expression; so does this. Decisions that need more than one token (a call or a variable at an
 * identifier, a foreach value variable) and those with predicates go to ANTLR as usual.
 *
 * <p>Second, when no alternative fits the input, ANTLR picks one that leaves the current rule, so the
 * error surfaces later in an outer rule. That is right when the very first token does not fit
 * ({@code x = 1 )}: the expression ends, ')' is unexpected after it), but wrong when the decision had
 * already matched tokens: for {@code (1 + }} it would blame the '+' ("expected ')'"). Then the decision
 * fails where it stands, at the token that broke it ("expected expression" at '}').
 */
final class StapATNSimulator extends ParserATNSimulator {
    /**
     * Per decision, what a one-token decision needs to know; computed on first use and shared by all
     * parsers (the entries are immutable, so a race only computes one twice).
     */
    private static final Quick[] QUICK = new Quick[StapParser._ATN.getNumberOfDecisions()];

    private final StapParser parser;
    /** Whether the last failed prediction got past its first token. */
    private boolean failedAfterStart;

    StapATNSimulator(StapParser parser, ATN atn, DFA[] decisionToDFA, PredictionContextCache cache) {
        super(parser, atn, decisionToDFA, cache);
        this.parser = parser;
    }

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
        Quick q = quick(decision);
        int la = input.LA(1);
        if (la >= 0 && la < q.alt.length) {
            int alt = q.alt[la];
            if (q.loop && alt >= NONE) {
                // The loop of the expression rule: go on if an operator allowed at this precedence follows.
                return alt > 0 && q.precedence[la] >= parser.getPrecedence() ? 1 : 2;
            }
            if (alt > 0 && !q.loop) {
                return alt;
            }
            if (alt == CALL_OR_NAME) {
                // An identifier: a call when '(' follows, as stap's parse_symbol decides.
                return input.LA(2) == StapLexer.LPAREN ? q.call : q.call + 1;
            }
        }
        return super.adaptivePredict(input, decision, outerContext);
    }

    /** In {@link Quick#alt}: no alternative starts with the token. */
    private static final int NONE = 0;
    /** In {@link Quick#alt}: several alternatives do; ANTLR decides. */
    private static final int SEVERAL = -1;
    /** In {@link Quick#alt}: the identifier that starts both a call and a variable (primary). */
    private static final int CALL_OR_NAME = -2;

    /**
     * For one decision, by token type: the only alternative that token starts (or one of the codes
     * above), and in the loop of the expression rule the precedence the operator needs.
     */
    private static final class Quick {
        final int[] alt;
        final int[] precedence;
        final boolean loop;
        /** In the primary decision, the alternative of a call (a variable is the next one). */
        final int call;

        Quick(int[] alt, int[] precedence, boolean loop, int call) {
            this.alt = alt;
            this.precedence = precedence;
            this.loop = loop;
            this.call = call;
        }
    }

    private Quick quick(int decision) {
        Quick q = QUICK[decision];
        if (q == null) {
            q = analyse(atn.getDecisionState(decision));
            QUICK[decision] = q;
        }
        return q;
    }

    private Quick analyse(DecisionState state) {
        int tokens = StapLexer.VOCABULARY.getMaxTokenType() + 1;
        int[] alt = new int[tokens];
        int[] precedence = new int[tokens];
        if (state.ruleIndex == StapParser.RULE_ppName) {
            // The adjacency predicate must be evaluated: every token goes to ANTLR.
            java.util.Arrays.fill(alt, SEVERAL);
            return new Quick(alt, precedence, false, 0);
        }
        boolean loop = state instanceof StarLoopEntryState entry && entry.isPrecedenceDecision;
        int call = 0;
        // The loop's own alternatives are "go on" and "stop": the operators are those of the block it enters.
        DecisionState alts = loop ? (DecisionState) state.transition(0).target : state;
        for (int i = 0; i < alts.getNumberOfTransitions(); i++) {
            ATNState target = alts.transition(i).target;
            int needs = Integer.MAX_VALUE;
            if (target.getNumberOfTransitions() == 1
                    && target.transition(0) instanceof PrecedencePredicateTransition p) {
                needs = p.precedence;
                target = p.target;
            }
            for (int t : atn.nextTokens(target).toArray()) {
                if (t < 0 || t >= tokens) {
                    continue;
                }
                if (alt[t] == NONE) {
                    alt[t] = i + 1;
                    precedence[t] = needs;
                } else if (t == StapLexer.IDENT && state.ruleIndex == StapParser.RULE_primary) {
                    call = Math.min(alt[t] > 0 ? alt[t] : call, i + 1);
                    alt[t] = CALL_OR_NAME;
                } else {
                    alt[t] = SEVERAL;
                }
            }
        }
        return new Quick(alt, precedence, loop, call);
    }

    @Override
    protected NoViableAltException noViableAlt(TokenStream input, ParserRuleContext outerContext,
                                               ATNConfigSet configs, int startIndex) {
        failedAfterStart = input.index() > startIndex;
        return super.noViableAlt(input, outerContext, configs, startIndex);
    }

    @Override
    protected int getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(ATNConfigSet configs,
                                                                         ParserRuleContext outerContext) {
        return failedAfterStart ? ATN.INVALID_ALT_NUMBER
                : super.getSynValidOrSemInvalidAltThatFinishedDecisionEntryRule(configs, outerContext);
    }
}
