package io.jstap.compiler.parse;

import io.jstap.compiler.ast.AstScanner;
import io.jstap.compiler.ast.Expr;

/**
 * A histogram ({@code @hist_log(s)}) is not a value: stap accepts it only indexed ({@code @hist_log(s)[3]})
 * or as the first argument of print, println, sprint or sprintln. Anywhere else it is a parse error.
 */
final class HistPlacementCheck extends AstScanner {
    private final BuildContext b;

    HistPlacementCheck(BuildContext b) {
        this.b = b;
    }

    @Override
    public Void visitHist(Expr.Hist e) {
        b.error(ParseCodes.SYNTAX, "base histogram operator where expression expected", e.span());
        return super.visitHist(e);
    }

    @Override
    public Void visitIndex(Expr.Index e) {
        if (e.base() instanceof Expr.Hist h) {
            scanHistogram(h);
            e.indices().forEach(this::scan);
            return null;
        }
        return super.visitIndex(e);
    }

    @Override
    public Void visitCall(Expr.Call e) {
        if (PrintFamily.printsHistogram(e.name()) && !e.args().isEmpty() && e.args().get(0) instanceof Expr.Hist h) {
            scanHistogram(h);
            e.args().subList(1, e.args().size()).forEach(this::scan);
            return null;
        }
        return super.visitCall(e);
    }

    private void scanHistogram(Expr.Hist h) {
        scan(h.operand());
        h.params().forEach(this::scan);
    }
}
