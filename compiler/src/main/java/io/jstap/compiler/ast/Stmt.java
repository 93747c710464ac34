package io.jstap.compiler.ast;

import io.jstap.compiler.ast.Ops.Sort;
import io.jstap.compiler.diag.Span;
import java.util.List;

/** Statements. Nullable fields say so; lists are never null. */
public sealed interface Stmt extends Node {

    <R> R accept(StmtVisitor<R> v);

    record Block(Span span, List<Stmt> stmts) implements Stmt {
        public Block { stmts = List.copyOf(stmts); }
        public <R> R accept(StmtVisitor<R> v) { return v.visitBlock(this); }
    }

    /** A lone {@code ;}. */
    record Empty(Span span) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) { return v.visitEmpty(this); }
    }

    record ExprStmt(Span span, Expr expr) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) { return v.visitExprStmt(this); }
    }

    /** {@code otherwise} may be null. */
    record If(Span span, Expr cond, Stmt then, Stmt otherwise) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) { return v.visitIf(this); }
    }

    record While(Span span, Expr cond, Stmt body) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) { return v.visitWhile(this); }
    }

    /** {@code for (init; cond; update)}; each of the three may be null. */
    record For(Span span, Expr init, Expr cond, Expr update, Stmt body) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) { return v.visitFor(this); }
    }

    /**
     * {@code foreach ([v =] [k1+, k2] in array[slice]- limit N) body}. {@code valueVar}, {@code slice} and
     * {@code limit} may be null; {@code bracketed} records whether the keys were written in brackets (for
     * printing). {@code valueSort} is the marker on the value variable or on the array (both mean "by value").
     */
    record Foreach(Span span, String valueVar, List<ForeachKey> keys, boolean bracketed, Expr.Ident array,
                   List<Expr> slice, Sort valueSort, Expr limit, Stmt body) implements Stmt {
        public Foreach {
            keys = List.copyOf(keys);
            slice = slice == null ? null : List.copyOf(slice);
        }
        public <R> R accept(StmtVisitor<R> v) { return v.visitForeach(this); }
    }

    record ForeachKey(Span span, String name, Sort sort) implements Node {
    }

    record Next(Span span) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) { return v.visitNext(this); }
    }

    record Break(Span span) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) { return v.visitBreak(this); }
    }

    record Continue(Span span) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) { return v.visitContinue(this); }
    }

    /** {@code value} may be null. */
    record Return(Span span, Expr value) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) { return v.visitReturn(this); }
    }

    /** {@code delete x} (array or scalar), {@code delete x[k]}, {@code delete x[*, k]}. */
    record Delete(Span span, Expr target) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) { return v.visitDelete(this); }
    }

    /** {@code try { } catch [(msg)] { }}; {@code catchVar} may be null. */
    record Try(Span span, Block body, String catchVar, Block handler) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) { return v.visitTry(this); }
    }
}
