package io.jstap.compiler.parse;

import io.jstap.compiler.diag.Span;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * A token copied out of a macro body at a macro use. It keeps the position it has in the body (so errors
 * point into the definition) and records the use it was expanded at.
 */
final class StapToken extends CommonToken {
    private static final long serialVersionUID = 1L;

    final transient Span expandedFrom;
    /** A stand-in for text the preprocessor already reported as wrong: the parser fails here silently. */
    final boolean reported;

    StapToken(Token original, Span expandedFrom) {
        this(original, expandedFrom, false);
    }

    private StapToken(Token original, Span expandedFrom, boolean reported) {
        super(original);
        this.expandedFrom = expandedFrom;
        this.reported = reported;
        if (reported) {
            setType(StapLexer.JUNK);
        }
    }

    /** A token no rule accepts, standing where a broken macro use was, so only the macro error shows. */
    static StapToken reportedError(Token at) {
        return new StapToken(at, expandedFrom(at), true);
    }

    static boolean isReported(Token t) {
        return t instanceof StapToken s && s.reported;
    }

    /** The macro use {@code t} was expanded at, or null for a token written where it stands. */
    static Span expandedFrom(Token t) {
        return t instanceof StapToken s ? s.expandedFrom : null;
    }
}
