package io.jstap.compiler.parse;

import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.dfa.DFA;

/**
 * ANTLR's prediction, made to behave like stap's parser, which decides everything on one token of
 * lookahead and is greedy.
 *
 * <p>First, a decision where the next token starts exactly one alternative takes it at once. Beyond
 * speed, this matters because semicolons are optional: in {@code x = a + b} the '+' could also start a
 * new statement {@code +b}, so ANTLR's LL(*) prediction would scan to the end of every operator chain
 * to see both readings agree (quadratic in the chain, and worse in full-context mode). stap continues
 * the expression; so does this. Decisions that need more than one token (a call or a variable at an
 * identifier, a foreach value variable) and those with predicates go to ANTLR as usual.
 *
 * <p>Second, when no alternative fits the input, ANTLR picks one that leaves
 * the current rule, so the error surfaces later in an outer rule. That is right when the very first
 * token does not fit ({@code x = 1 )}: the expression ends, ')' is unexpected after it), but wrong when
 * the decision had already matched tokens: for {@code (1 + }} it blames the '+' ("expected ')'").
 * Then the decision fails where it stands, at the token that broke it ("expected expression" at '}').
 */
final class StapATNSimulator extends ParserATNSimulator {
    /** Whether the last failed prediction got past its first token. */
    private boolean failedAfterStart;
    /** Per decision, the tokens that can start each alternative within its rule (lazily). */
    private final IntervalSet[][] firsts;

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
        IntervalSet[] alts = firsts(decision);
        if (alts != null) {
            int la = input.LA(1);
            int found = 0;
            for (int i = 0; i < alts.length; i++) {
                if (alts[i].contains(la)) {
                    if (found != 0) {
                        found = 0;
                        break;
                    }
                    found = i + 1;
                }
            }
            if (found != 0) {
                return found;
            }
        }
        return super.adaptivePredict(input, decision, outerContext);
    }

    private IntervalSet[] firsts(int decision) {
        IntervalSet[] alts = firsts[decision];
        if (alts == null) {
            DecisionState state = atn.getDecisionState(decision);
            if (state.ruleIndex == StapParser.RULE_ppName) {
                // The adjacency predicate must be evaluated: leave the decision to ANTLR.
                alts = new IntervalSet[0];
            } else {
                alts = new IntervalSet[state.getNumberOfTransitions()];
                for (int i = 0; i < alts.length; i++) {
                    alts[i] = atn.nextTokens(state.transition(i).target);
                }
            }
            firsts[decision] = alts;
        }
        return alts.length == 0 ? null : alts;
    }

    StapATNSimulator(StapParser parser, ATN atn, DFA[] decisionToDFA, PredictionContextCache cache) {
        super(parser, atn, decisionToDFA, cache);
        this.firsts = new IntervalSet[atn.getNumberOfDecisions()][];
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
