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
import org.antlr.v4.runtime.misc.IntervalSet;

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
    private final StapParser parser;
    /** Per decision, what a one-token decision needs to know (lazily). */
    private final Quick[] quick;
    /** Whether the last failed prediction got past its first token. */
    private boolean failedAfterStart;

    StapATNSimulator(StapParser parser, ATN atn, DFA[] decisionToDFA, PredictionContextCache cache) {
        super(parser, atn, decisionToDFA, cache);
        this.parser = parser;
        this.quick = new Quick[atn.getNumberOfDecisions()];
    }

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
        Quick q = quick(decision);
        int la = input.LA(1);
        if (q.loop != null) {
            // The loop of the expression rule: go on if an operator allowed at this precedence follows.
            int alt = q.loop.pick(la, parser.getPrecedence());
            if (alt >= 0) {
                return alt > 0 ? 1 : 2;
            }
        } else {
            int alt = q.pick(la, parser.getPrecedence());
            if (alt > 0) {
                return alt;
            }
        }
        return super.adaptivePredict(input, decision, outerContext);
    }

    /**
     * For one decision: per alternative, the tokens that can start it within its rule, and for the
     * operator alternatives of the expression rule the precedence they require (else the maximum).
     */
    private static final class Quick {
        final IntervalSet[] firsts;
        final int[] precedence;
        /** For the loop of a left-recursive rule: the block of operator alternatives it enters. */
        Quick loop;

        Quick(IntervalSet[] firsts, int[] precedence) {
            this.firsts = firsts;
            this.precedence = precedence;
        }

        /** The one alternative {@code la} can start (1-based), 0 if none, -1 if several or unknown. */
        int pick(int la, int current) {
            int found = 0;
            for (int i = 0; i < firsts.length; i++) {
                if (firsts[i].contains(la) && precedence[i] >= current) {
                    if (found != 0) {
                        return -1;
                    }
                    found = i + 1;
                }
            }
            return firsts.length == 0 ? -1 : found;
        }
    }

    private Quick quick(int decision) {
        Quick q = quick[decision];
        if (q == null) {
            q = analyse(atn.getDecisionState(decision));
            quick[decision] = q;
        }
        return q;
    }

    private Quick analyse(DecisionState state) {
        if (state.ruleIndex == StapParser.RULE_ppName) {
            // The adjacency predicate must be evaluated: leave the decision to ANTLR.
            return new Quick(new IntervalSet[0], new int[0]);
        }
        if (state instanceof StarLoopEntryState entry && entry.isPrecedenceDecision) {
            Quick q = new Quick(new IntervalSet[0], new int[0]);
            q.loop = analyse((DecisionState) entry.transition(0).target);
            return q;
        }
        int n = state.getNumberOfTransitions();
        IntervalSet[] firsts = new IntervalSet[n];
        int[] precedence = new int[n];
        for (int i = 0; i < n; i++) {
            ATNState target = state.transition(i).target;
            precedence[i] = Integer.MAX_VALUE;
            if (target.getNumberOfTransitions() == 1
                    && target.transition(0) instanceof PrecedencePredicateTransition p) {
                precedence[i] = p.precedence;
                target = p.target;
            }
            firsts[i] = atn.nextTokens(target);
        }
        return new Quick(firsts, precedence);
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
