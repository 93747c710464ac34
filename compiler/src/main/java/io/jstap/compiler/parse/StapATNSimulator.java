package io.jstap.compiler.parse;

import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.dfa.DFA;

/**
 * ANTLR's prediction, with one change: when no alternative fits the input, ANTLR picks one that leaves
 * the current rule, so the error surfaces later in an outer rule. That is right when the very first
 * token does not fit ({@code x = 1 )}: the expression ends, ')' is unexpected after it), but wrong when
 * the decision had already matched tokens: for {@code (1 + }} it blames the '+' ("expected ')'").
 * Then the decision fails where it stands, at the token that broke it ("expected expression" at '}').
 */
final class StapATNSimulator extends ParserATNSimulator {
    /** Whether the last failed prediction got past its first token. */
    private boolean failedAfterStart;

    StapATNSimulator(StapParser parser, ATN atn, DFA[] decisionToDFA, PredictionContextCache cache) {
        super(parser, atn, decisionToDFA, cache);
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
