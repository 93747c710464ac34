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

    StapToken(Token original, Span expandedFrom) {
        super(original);
        this.expandedFrom = expandedFrom;
    }

    /** The macro use {@code t} was expanded at, or null for a token written where it stands. */
    static Span expandedFrom(Token t) {
        return t instanceof StapToken s ? s.expandedFrom : null;
    }
}
