package io.jstap.compiler.ast;

/** One method per statement kind. {@link AstScanner} gives a recursing default. */
public interface StmtVisitor<R> {
    R visitBlock(Stmt.Block s);
    R visitEmpty(Stmt.Empty s);
    R visitExprStmt(Stmt.ExprStmt s);
    R visitIf(Stmt.If s);
    R visitWhile(Stmt.While s);
    R visitFor(Stmt.For s);
    R visitForeach(Stmt.Foreach s);
    R visitNext(Stmt.Next s);
    R visitBreak(Stmt.Break s);
    R visitContinue(Stmt.Continue s);
    R visitReturn(Stmt.Return s);
    R visitDelete(Stmt.Delete s);
    R visitTry(Stmt.Try s);
}
