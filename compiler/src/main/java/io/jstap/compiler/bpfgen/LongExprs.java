package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.ExprVisitor;
import io.jstap.compiler.ir.IrType;

/**
 * Evaluates long expressions to {@link LongVal}s (constants fold; everything else lands in a temp), and
 * any expression for its effect alone ({@link #discard}).
 */
final class LongExprs implements ExprVisitor<LongVal> {

    private final Gen g;
    private final Assembler asm;

    LongExprs(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    LongVal eval(Expr e) {
        g.at(e.loc());
        if (e.type() != IrType.LONG) {
            throw new IllegalStateException("long expected, got " + e.type() + " at " + e.loc() + ": " + e);
        }
        return e.accept(this);
    }

    /** Evaluates {@code e} for its side effects only. */
    void discard(Expr e) {
        g.at(e.loc());
        if (e instanceof Expr.Format f && f.kind() == Expr.Format.FormatKind.PRINTF) {
            g.output.printf(f);
        } else if (e instanceof Expr.BuiltinCall b && b.type() == IrType.VOID) {
            g.builtins.effect(b);
        } else if (e instanceof Expr.Call c && c.type() == IrType.VOID) {
            g.calls.call(c, -1);
        } else if (e instanceof Expr.IncDec i) {
            g.assign.incDec(i, false);
        } else if (e instanceof Expr.Assign a) {
            g.assign.assign(a, false);
        } else if (e.type() == IrType.STRING) {
            int mark = g.storage.scratchMark();
            g.strings.temp(e);
            g.storage.scratchReset(mark);
        } else if (e.type() == IrType.LONG) {
            g.release(eval(e));
        } else {
            throw new CodegenException("a " + e.type() + " value cannot be computed in a kernel probe", e.loc());
        }
    }

    @Override
    public LongVal visitLongLit(Expr.LongLit e) {
        return LongVal.of(e.value());
    }

    @Override
    public LongVal visitStrLit(Expr.StrLit e) {
        throw new IllegalStateException("string literal as a long");
    }

    @Override
    public LongVal visitLocal(Expr.Local e) {
        Temps.Temp t = g.temps.alloc(e.loc());
        Reg r = g.temps.target(t, Reg.R1);
        asm.ldx(Size.DW, r, Reg.R10, g.frame.home(e.var()));
        g.temps.write(t, r);
        return LongVal.of(t);
    }

    @Override
    public LongVal visitGlobalVar(Expr.GlobalVar e) {
        return g.globals.readLong(e);
    }

    @Override
    public LongVal visitGlobalElem(Expr.GlobalElem e) {
        return g.globals.readLong(e);
    }

    @Override
    public LongVal visitAnyKey(Expr.AnyKey e) {
        throw new IllegalStateException("'*' outside an array slice at " + e.loc());
    }

    @Override
    public LongVal visitInArray(Expr.InArray e) {
        return g.globals.in(e);
    }

    @Override
    public LongVal visitBinary(Expr.Binary e) {
        LongVal l = eval(e.left());
        LongVal r = eval(e.right());
        return g.arith.binary(e.op(), l, r, e);
    }

    @Override
    public LongVal visitCompare(Expr.Compare e) {
        return asValue(e);
    }

    @Override
    public LongVal visitUnary(Expr.Unary e) {
        LongVal v = eval(e.operand());
        if (v.isConst()) {
            long c = v.constant();
            switch (e.op()) {
                case NEG: return LongVal.of(-c);
                case BITNOT: return LongVal.of(~c);
                default: return LongVal.of(c == 0 ? 1 : 0);
            }
        }
        Reg r = g.temps.target(v.temp(), Reg.R1);
        Reg src = g.temps.read(v.temp(), r);
        switch (e.op()) {
            case NEG:
                asm.neg(src);
                break;
            case BITNOT:
                asm.xor(src, -1);
                break;
            default:
                Label zero = asm.newLabel("not_zero");
                asm.mov(Reg.R0, 1).jeq(src, 0, zero).mov(Reg.R0, 0).bind(zero).mov(src, Reg.R0);
                break;
        }
        g.temps.write(v.temp(), src);
        return v;
    }

    @Override
    public LongVal visitConcat(Expr.Concat e) {
        throw new IllegalStateException("concatenation as a long");
    }

    @Override
    public LongVal visitLogical(Expr.Logical e) {
        return asValue(e);
    }

    /** 1 or 0 for a condition, through jumps. */
    private LongVal asValue(Expr cond) {
        Temps.Temp t = g.temps.alloc(cond.loc());
        Label no = asm.newLabel("false");
        Label end = asm.newLabel("bool_end");
        g.conds.branchFalse(cond, no);
        Reg r = g.temps.target(t, Reg.R1);
        asm.mov(r, 1);
        g.temps.write(t, r);
        asm.ja(end).bind(no);
        asm.mov(r, 0);
        g.temps.write(t, r);
        asm.bind(end);
        return LongVal.of(t);
    }

    @Override
    public LongVal visitTernary(Expr.Ternary e) {
        Temps.Temp t = g.temps.alloc(e.loc());
        Label otherwise = asm.newLabel("else");
        Label end = asm.newLabel("endif");
        g.conds.branchFalse(e.cond(), otherwise);
        store(t, eval(e.ifTrue()));
        asm.ja(end).bind(otherwise);
        store(t, eval(e.ifFalse()));
        asm.bind(end);
        return LongVal.of(t);
    }

    private void store(Temps.Temp t, LongVal v) {
        Reg r = g.load(v, Reg.R1);
        g.temps.write(t, r);
        g.release(v);
    }

    @Override
    public LongVal visitIncDec(Expr.IncDec e) {
        return g.assign.incDec(e, true);
    }

    @Override
    public LongVal visitAssign(Expr.Assign e) {
        return g.assign.assign(e, true);
    }

    @Override
    public LongVal visitStatsAdd(Expr.StatsAdd e) {
        return g.stats.add(e);
    }

    @Override
    public LongVal visitCall(Expr.Call e) {
        return g.calls.call(e, -1);
    }

    @Override
    public LongVal visitBuiltinCall(Expr.BuiltinCall e) {
        return g.builtins.value(e);
    }

    @Override
    public LongVal visitFormat(Expr.Format e) {
        throw new IllegalStateException("format as a long");
    }

    @Override
    public LongVal visitStatsOp(Expr.StatsOp e) {
        return g.stats.aggregate(e);
    }

    @Override
    public LongVal visitHist(Expr.Hist e) {
        throw new CodegenException("a histogram can only be printed, in an end or timer probe", e.loc());
    }

    @Override
    public LongVal visitHistBucket(Expr.HistBucket e) {
        return g.stats.bucket(e);
    }

    @Override
    public LongVal visitTracepointField(Expr.TracepointField e) {
        return g.builtins.tracepointField(e);
    }

    @Override
    public LongVal visitRawArg(Expr.RawArg e) {
        return g.builtins.rawArg(e);
    }

    @Override
    public LongVal visitRegister(Expr.Register e) {
        return g.builtins.register(e);
    }
}
