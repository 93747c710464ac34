package io.jstap.compiler.ir;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Ops.StatsAgg;
import io.jstap.compiler.ir.Ops.UnOp;

import java.util.List;
import java.util.Objects;

/**
 * Typed IR expressions. Every node knows its type and its source token ({@link SrcLoc}).
 * Assignments, increments and {@code <<<} are expressions, as in stap ({@code a = b = 0}).
 */
public sealed interface Expr {

    IrType type();

    SrcLoc loc();

    <R> R accept(ExprVisitor<R> v);

    /** Required components of a node. */
    private static void need(Object... parts) {
        for (Object p : parts) {
            Objects.requireNonNull(p, "missing IR component");
        }
    }

    /** What can be assigned, incremented, deleted or fed with {@code <<<}. */
    sealed interface LValue extends Expr permits Local, GlobalVar, GlobalElem {
    }

    record LongLit(long value, SrcLoc loc) implements Expr {
        public LongLit {
            need(loc);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitLongLit(this);
        }
    }

    /** A string constant (Unicode text; lengths and limits count its UTF-8 bytes, as stap's do). */
    record StrLit(String value, SrcLoc loc) implements Expr {
        public StrLit {
            need(value, loc);
        }

        public IrType type() {
            return IrType.STRING;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitStrLit(this);
        }
    }

    record Local(LocalVar var, SrcLoc loc) implements LValue {
        public Local {
            need(var, loc);
        }

        public IrType type() {
            return var.type();
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitLocal(this);
        }
    }

    /** A scalar global; of type STATS when it names scalar statistics (then only an aggregate source or {@code <<<} target). */
    record GlobalVar(String name, IrType type, SrcLoc loc) implements LValue {
        public GlobalVar {
            need(name, type, loc);
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitGlobalVar(this);
        }
    }

    /** An element of a global array or keyed statistics; reading a missing element gives 0 or "". */
    record GlobalElem(String name, List<Expr> keys, IrType type, SrcLoc loc) implements LValue {
        public GlobalElem {
            need(name, type, loc);
            keys = List.copyOf(keys);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("element of " + name + " without keys");
            }
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitGlobalElem(this);
        }
    }

    /** The {@code *} of an array slice; only valid as a key of InArray, DeleteElement and Foreach slices. */
    record AnyKey(SrcLoc loc) implements Expr {
        public IrType type() {
            return IrType.VOID;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitAnyKey(this);
        }
    }

    /** {@code [k1, k2] in arr}; keys may contain AnyKey. */
    record InArray(String global, List<Expr> keys, SrcLoc loc) implements Expr {
        public InArray {
            need(global, loc);
            keys = List.copyOf(keys);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitInArray(this);
        }
    }

    record Binary(BinOp op, Expr left, Expr right, SrcLoc loc) implements Expr {
        public Binary {
            need(op, left, right, loc);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitBinary(this);
        }
    }

    /** Comparison of two longs, or of two strings. */
    record Compare(CmpOp op, Expr left, Expr right, SrcLoc loc) implements Expr {
        public Compare {
            need(op, left, right, loc);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitCompare(this);
        }
    }

    record Unary(UnOp op, Expr operand, SrcLoc loc) implements Expr {
        public Unary {
            need(op, operand, loc);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitUnary(this);
        }
    }

    /** String concatenation {@code a . b}, truncated to MAXSTRINGLEN-1 bytes. */
    record Concat(Expr left, Expr right, SrcLoc loc) implements Expr {
        public Concat {
            need(left, right, loc);
        }

        public IrType type() {
            return IrType.STRING;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitConcat(this);
        }
    }

    /** Short-circuit {@code &&} (and = true) or {@code ||}; yields 0 or 1. */
    record Logical(boolean and, Expr left, Expr right, SrcLoc loc) implements Expr {
        public Logical {
            need(left, right, loc);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitLogical(this);
        }
    }

    record Ternary(Expr cond, Expr ifTrue, Expr ifFalse, SrcLoc loc) implements Expr {
        public Ternary {
            need(cond, ifTrue, ifFalse, loc);
        }

        public IrType type() {
            return ifTrue.type();
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitTernary(this);
        }
    }

    /** {@code ++x}, {@code x--} and friends on a long lvalue; a missing array element counts as 0. */
    record IncDec(LValue target, boolean increment, boolean prefix, SrcLoc loc) implements Expr {
        public IncDec {
            need(target, loc);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitIncDec(this);
        }
    }

    /** Assignment with {@code =}, a compound operator or {@code .=}; its value is the stored value. */
    record Assign(LValue target, AssignOp op, Expr value, SrcLoc loc) implements Expr {
        public Assign {
            need(target, op, value, loc);
        }

        public IrType type() {
            return target.type();
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitAssign(this);
        }
    }

    /** {@code target <<< value} on statistics; its value is {@code value}, as in stap. */
    record StatsAdd(LValue target, Expr value, SrcLoc loc) implements Expr {
        public StatsAdd {
            need(target, value, loc);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitStatsAdd(this);
        }
    }

    /**
     * A call of a script or tapset function. {@code targets} lists the overloads in the order stap
     * tries them: when one executes {@code next}, the following one runs; usually there is one.
     */
    record Call(List<String> targets, List<Expr> args, IrType type, SrcLoc loc) implements Expr {
        public Call {
            targets = List.copyOf(targets);
            args = List.copyOf(args);
            need(type, loc);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("call without target");
            }
        }

        public Call(String function, List<Expr> args, IrType type, SrcLoc loc) {
            this(List.of(function), args, type, loc);
        }

        /** The name the user wrote. */
        public String name() {
            return targets.get(0);
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitCall(this);
        }
    }

    /** An intrinsic function (execname, strlen, print, exit, ...) identified by name. */
    record BuiltinCall(String name, List<Expr> args, IrType type, SrcLoc loc) implements Expr {
        public BuiltinCall {
            need(name, type, loc);
            args = List.copyOf(args);
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitBuiltinCall(this);
        }
    }

    /** {@code printf}/{@code sprintf} with a literal format (the text between the quotes, escapes decoded). */
    record Format(FormatKind kind, String format, List<Expr> args, SrcLoc loc) implements Expr {
        public enum FormatKind { PRINTF, SPRINTF }

        public Format {
            need(kind, format, loc);
            args = List.copyOf(args);
        }

        public IrType type() {
            return kind == FormatKind.PRINTF ? IrType.VOID : IrType.STRING;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitFormat(this);
        }
    }

    /** {@code @count(s)} ... {@code @variance(s)}; {@code source} is a STATS GlobalVar or GlobalElem. */
    record StatsOp(StatsAgg agg, Expr source, SrcLoc loc) implements Expr {
        public StatsOp {
            need(agg, source, loc);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitStatsOp(this);
        }
    }

    /** {@code @hist_log(s)} / {@code @hist_linear(s, a, b, c)}: printable, or indexable by HistBucket. */
    record Hist(HistogramSpec spec, Expr source, SrcLoc loc) implements Expr {
        public Hist {
            need(spec, source, loc);
        }

        public IrType type() {
            return IrType.HISTOGRAM;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitHist(this);
        }
    }

    /** {@code @hist_log(s)[i]}: the count in bucket i. */
    record HistBucket(Hist hist, Expr index, SrcLoc loc) implements Expr {
        public HistBucket {
            need(hist, index, loc);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitHistBucket(this);
        }
    }

    /**
     * A tracepoint record field ({@code $name} in a kernel.trace probe), read from the raw record.
     * {@code dataLoc} fields hold a 32-bit (length &lt;&lt; 16 | offset) locator of a string.
     */
    record TracepointField(String name, int offset, int size, boolean signed, boolean isString,
                           boolean dataLoc, SrcLoc loc) implements Expr {
        public TracepointField {
            need(name, loc);
        }

        public IrType type() {
            return isString ? IrType.STRING : IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitTracepointField(this);
        }
    }

    /** The n-th raw argument of the probed function or syscall (0-based). */
    record RawArg(int index, SrcLoc loc) implements Expr {
        public RawArg {
            need(loc);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitRawArg(this);
        }
    }

    /** A register of the probed context by its stap name ("ip", "sp", "rax", ...). */
    record Register(String name, SrcLoc loc) implements Expr {
        public Register {
            need(name, loc);
        }

        public IrType type() {
            return IrType.LONG;
        }

        public <R> R accept(ExprVisitor<R> v) {
            return v.visitRegister(this);
        }
    }
}
