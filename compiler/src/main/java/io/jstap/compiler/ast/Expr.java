package io.jstap.compiler.ast;

import io.jstap.compiler.ast.Ops.AssignOp;
import io.jstap.compiler.ast.Ops.BinOp;
import io.jstap.compiler.ast.Ops.HistKind;
import io.jstap.compiler.ast.Ops.StatsFn;
import io.jstap.compiler.ast.Ops.UnOp;
import io.jstap.compiler.diag.Span;
import java.util.List;

/** Expressions. Nullable fields say so; lists are never null. */
public sealed interface Expr extends Node {

    <R> R accept(ExprVisitor<R> v);

    /** A number literal (decimal, hex or octal in the source; the value is what matters). */
    record LongLit(Span span, long value) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitLong(this); }
    }

    /** A string literal, escapes already decoded. */
    record StringLit(Span span, String value) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitString(this); }
    }

    /** A global, local or parameter name. */
    record Ident(Span span, String name) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitIdent(this); }
    }

    /** {@code $1}/{@code @1} (index >= 1) or {@code $#}/{@code @#} (index 0); {@code asString} for the @ forms. */
    record ScriptArg(Span span, int index, boolean asString) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitScriptArg(this); }
    }

    /**
     * A context variable: {@code $name}, {@code $name->f[3]}, {@code $$vars}, {@code $$parms},
     * {@code $$locals}, {@code $$return}. {@code name} keeps its dollars ({@code "$fd"}, {@code "$$vars"});
     * {@code pretty} counts trailing {@code $} (pretty-printing suffixes).
     */
    record TargetVar(Span span, String name, List<Member> path, int pretty) implements Expr {
        public TargetVar { path = List.copyOf(path); }
        public <R> R accept(ExprVisitor<R> v) { return v.visitTargetVar(this); }
    }

    /** {@code @cast(expr, "type"[, "module"])->path}. */
    record Cast(Span span, Expr operand, String type, String module, List<Member> path, int pretty) implements Expr {
        public Cast { path = List.copyOf(path); }
        public <R> R accept(ExprVisitor<R> v) { return v.visitCast(this); }
    }

    /** {@code @var("name[@file]"[, "module"])->path}. */
    record AtVar(Span span, String name, String module, List<Member> path, int pretty) implements Expr {
        public AtVar { path = List.copyOf(path); }
        public <R> R accept(ExprVisitor<R> v) { return v.visitAtVar(this); }
    }

    /** One step of a context-variable path: {@code ->field} (or {@code .field}) or {@code [index]}. */
    record Member(Span span, String field, Expr index) implements Node {
        public boolean isIndex() { return field == null; }
    }

    /** {@code a[k1, k2]}; an index may be {@link Wildcard} in delete/in/foreach slices. */
    record Index(Span span, Expr base, List<Expr> indices) implements Expr {
        public Index { indices = List.copyOf(indices); }
        public <R> R accept(ExprVisitor<R> v) { return v.visitIndex(this); }
    }

    /** {@code *} in an array slice. */
    record Wildcard(Span span) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitWildcard(this); }
    }

    record Binary(Span span, BinOp op, Expr left, Expr right) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitBinary(this); }
    }

    record Unary(Span span, UnOp op, Expr operand) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitUnary(this); }
    }

    /** {@code ++x}, {@code x--} ... */
    record IncDec(Span span, Expr target, boolean increment, boolean prefix) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitIncDec(this); }
    }

    /** {@code target op value}, right associative; includes {@code <<<}. */
    record Assign(Span span, AssignOp op, Expr target, Expr value) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitAssign(this); }
    }

    record Ternary(Span span, Expr cond, Expr then, Expr otherwise) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitTernary(this); }
    }

    /** {@code k in a} or {@code [k1, k2] in a}; keys may contain {@link Wildcard}. */
    record In(Span span, List<Expr> keys, Ident array) implements Expr {
        public In { keys = List.copyOf(keys); }
        public <R> R accept(ExprVisitor<R> v) { return v.visitIn(this); }
    }

    /** A call of a script, tapset or built-in function, including printf/print/sprintf and friends. */
    record Call(Span span, String name, List<Expr> args) implements Expr {
        public Call { args = List.copyOf(args); }
        public <R> R accept(ExprVisitor<R> v) { return v.visitCall(this); }
    }

    /** {@code @count(s)} ... {@code @variance(s)}; operand is an identifier or an index of a stats array. */
    record StatsOp(Span span, StatsFn fn, Expr operand) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitStatsOp(this); }
    }

    /** {@code @hist_log(s)} or {@code @hist_linear(s, lo, hi, step)} (params hold lo, hi, step). */
    record Hist(Span span, HistKind kind, Expr operand, List<Expr> params) implements Expr {
        public Hist { params = List.copyOf(params); }
        public <R> R accept(ExprVisitor<R> v) { return v.visitHist(this); }
    }

    /** {@code @entry(expr)} in a return probe. */
    record Entry(Span span, Expr operand) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitEntry(this); }
    }

    /** {@code @defined(expr)}. */
    record Defined(Span span, Expr operand) implements Expr {
        public <R> R accept(ExprVisitor<R> v) { return v.visitDefined(this); }
    }
}
