package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.JmpOp;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Ops.UnOp;

/** Conditions compiled to jumps: comparisons, {@code !}, and short-circuit {@code &&}/{@code ||}. */
final class Conditions {

    private final Gen g;
    private final Assembler asm;

    Conditions(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    /** Jumps to {@code target} when {@code cond} is false (0); falls through otherwise. */
    void branchFalse(Expr cond, Label target) {
        branch(cond, false, target);
    }

    /** Jumps to {@code target} when {@code cond} is true (not 0). */
    void branchTrue(Expr cond, Label target) {
        branch(cond, true, target);
    }

    private void branch(Expr cond, boolean when, Label target) {
        g.at(cond.loc());
        if (cond instanceof Expr.LongLit l) {
            if ((l.value() != 0) == when) {
                asm.ja(target);
            }
        } else if (cond instanceof Expr.Logical l) {
            if (l.and() != when) {
                // (a && b) false, or (a || b) true: either operand decides
                branch(l.left(), when, target);
                branch(l.right(), when, target);
            } else {
                Label skip = asm.newLabel("short");
                branch(l.left(), !when, skip);
                branch(l.right(), when, target);
                asm.bind(skip);
            }
        } else if (cond instanceof Expr.Unary u && u.op() == UnOp.NOT) {
            branch(u.operand(), !when, target);
        } else if (cond instanceof Expr.Compare c) {
            compare(c, when, target);
        } else {
            LongVal v = g.longs.eval(cond);
            Reg r = g.load(v, Reg.R1);
            if (when) {
                asm.jne(r, 0, target);
            } else {
                asm.jeq(r, 0, target);
            }
            g.release(v);
        }
    }

    private void compare(Expr.Compare c, boolean when, Label target) {
        CmpOp op = when ? c.op() : negate(c.op());
        if (c.left().type() == IrType.STRING) {
            int mark = g.storage.scratchMark();
            int a = pure(c.right()) ? g.strings.read(c.left()) : g.strings.temp(c.left());
            int b = g.strings.read(c.right());
            g.strings.compare(a, b);
            g.storage.scratchReset(mark);
            asm.jmp(signed(op), true, Reg.R0, 0, target);
            return;
        }
        LongVal l = g.longs.eval(c.left());
        LongVal r = g.longs.eval(c.right());
        Reg a = g.load(l, Reg.R1);
        if (r.isImm()) {
            asm.jmp(signed(op), true, a, (int) r.constant(), target);
        } else {
            asm.jmp(signed(op), true, a, g.load(r, Reg.R2), target);
        }
        g.release(r);
        g.release(l);
    }

    /**
     * True when evaluating {@code e} cannot change any variable, so a value read before it (such as
     * a local's buffer) is still valid after it.
     */
    static boolean pure(Expr e) {
        if (e instanceof Expr.LongLit || e instanceof Expr.StrLit || e instanceof Expr.Local
                || e instanceof Expr.GlobalVar || e instanceof Expr.TracepointField
                || e instanceof Expr.RawArg || e instanceof Expr.Register) {
            return true;
        }
        if (e instanceof Expr.GlobalElem ge) {
            return ge.keys().stream().allMatch(Conditions::pure);
        }
        if (e instanceof Expr.Binary || e instanceof Expr.Compare || e instanceof Expr.Unary
                || e instanceof Expr.Concat || e instanceof Expr.Logical || e instanceof Expr.Ternary
                || e instanceof Expr.InArray) {
            return io.jstap.compiler.ir.IrWalker.children(e).stream().allMatch(Conditions::pure);
        }
        return false;
    }

    static CmpOp negate(CmpOp op) {
        switch (op) {
            case LT: return CmpOp.GE;
            case LE: return CmpOp.GT;
            case GT: return CmpOp.LE;
            case GE: return CmpOp.LT;
            case EQ: return CmpOp.NE;
            default: return CmpOp.EQ;
        }
    }

    static JmpOp signed(CmpOp op) {
        switch (op) {
            case LT: return JmpOp.JSLT;
            case LE: return JmpOp.JSLE;
            case GT: return JmpOp.JSGT;
            case GE: return JmpOp.JSGE;
            case EQ: return JmpOp.JEQ;
            default: return JmpOp.JNE;
        }
    }
}
