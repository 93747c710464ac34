package io.jstap.compiler.lower;

import io.jstap.compiler.ast.Node;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.ir.SrcLoc;

/**
 * Source locations for IR nodes. stap names the token of a node in runtime errors (the operator of a
 * binary expression, the identifier of a variable), so operators are found in the text between operands.
 */
final class Locs {
    private Locs() {
    }

    static SrcLoc of(Span s) {
        if (s == null || s == Span.NONE) {
            return SrcLoc.NONE;
        }
        return new SrcLoc(s.source().name(), s.line(), s.col());
    }

    static SrcLoc of(Node n) {
        return of(n.span());
    }

    /** The location of {@code symbol} between the end of {@code left} and the start of {@code right}. */
    static SrcLoc operator(Span whole, Span left, Span right, String symbol) {
        if (left == null || right == null || left.source() != right.source()) {
            return of(whole);
        }
        String text = left.source().text();
        int from = Math.min(text.length(), left.offset() + left.length());
        int to = Math.min(text.length(), Math.max(from, right.offset()));
        int at = text.substring(from, to).indexOf(symbol);
        if (at < 0) {
            return of(whole);
        }
        int off = from + at;
        return new SrcLoc(left.source().name(), left.source().lineOf(off), left.source().columnOf(off));
    }
}
