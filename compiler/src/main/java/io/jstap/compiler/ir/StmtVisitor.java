package io.jstap.compiler.ir;

/** One method per statement node; {@link Stmt#accept} dispatches. */
public interface StmtVisitor<R> {
    R visitBlock(Stmt.Block s);

    R visitExprStmt(Stmt.ExprStmt s);

    R visitIf(Stmt.If s);

    R visitWhile(Stmt.While s);

    R visitFor(Stmt.For s);

    R visitForeach(Stmt.Foreach s);

    R visitBreak(Stmt.Break s);

    R visitContinue(Stmt.Continue s);

    R visitNext(Stmt.Next s);

    R visitReturn(Stmt.Return s);

    R visitDeleteElement(Stmt.DeleteElement s);

    R visitDeleteGlobal(Stmt.DeleteGlobal s);

    R visitDeleteLocal(Stmt.DeleteLocal s);

    R visitTryCatch(Stmt.TryCatch s);
}
