package io.jstap.compiler.ast;

/** One method per expression kind. {@link AstScanner} gives a recursing default. */
public interface ExprVisitor<R> {
    R visitLong(Expr.LongLit e);
    R visitString(Expr.StringLit e);
    R visitIdent(Expr.Ident e);
    R visitScriptArg(Expr.ScriptArg e);
    R visitTargetVar(Expr.TargetVar e);
    R visitCast(Expr.Cast e);
    R visitAtVar(Expr.AtVar e);
    R visitIndex(Expr.Index e);
    R visitWildcard(Expr.Wildcard e);
    R visitBinary(Expr.Binary e);
    R visitUnary(Expr.Unary e);
    R visitIncDec(Expr.IncDec e);
    R visitAssign(Expr.Assign e);
    R visitTernary(Expr.Ternary e);
    R visitIn(Expr.In e);
    R visitCall(Expr.Call e);
    R visitStatsOp(Expr.StatsOp e);
    R visitHist(Expr.Hist e);
    R visitEntry(Expr.Entry e);
    R visitDefined(Expr.Defined e);
}
