package io.jstap.compiler.ir;

/** One method per expression node; {@link Expr#accept} dispatches. */
public interface ExprVisitor<R> {
    R visitLongLit(Expr.LongLit e);

    R visitStrLit(Expr.StrLit e);

    R visitLocal(Expr.Local e);

    R visitGlobalVar(Expr.GlobalVar e);

    R visitGlobalElem(Expr.GlobalElem e);

    R visitAnyKey(Expr.AnyKey e);

    R visitInArray(Expr.InArray e);

    R visitBinary(Expr.Binary e);

    R visitCompare(Expr.Compare e);

    R visitUnary(Expr.Unary e);

    R visitConcat(Expr.Concat e);

    R visitLogical(Expr.Logical e);

    R visitTernary(Expr.Ternary e);

    R visitIncDec(Expr.IncDec e);

    R visitAssign(Expr.Assign e);

    R visitStatsAdd(Expr.StatsAdd e);

    R visitCall(Expr.Call e);

    R visitBuiltinCall(Expr.BuiltinCall e);

    R visitFormat(Expr.Format e);

    R visitStatsOp(Expr.StatsOp e);

    R visitHist(Expr.Hist e);

    R visitHistBucket(Expr.HistBucket e);

    R visitTracepointField(Expr.TracepointField e);

    R visitRawArg(Expr.RawArg e);

    R visitRegister(Expr.Register e);
}
