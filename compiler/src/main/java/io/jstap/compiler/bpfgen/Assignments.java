package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.IrWalker;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;

/**
 * Assignments and {@code ++}/{@code --}, in the interpreter's order: a global's keys first, then the
 * right-hand side, then the read-modify-write (so {@code x += (x = 5)} sees the new x).
 */
final class Assignments {

    private final Gen g;
    private final Assembler asm;

    Assignments(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    /** A long assignment; returns the stored value when {@code want}, else null. String targets go to {@link #assignString}. */
    LongVal assign(Expr.Assign e, boolean want) {
        if (e.target().type() == IrType.STRING) {
            if (want) {
                throw new IllegalStateException("string assignment used as a long at " + e.loc());
            }
            assignString(e, -1);
            return null;
        }
        int mark = g.storage.scratchMark();
        LongVal result;
        if (e.target() instanceof Expr.Local l) {
            result = assignLocal(e, g.frame.home(l.var()));
        } else {
            result = assignGlobal(e, g.globals.place(e.target()));
        }
        g.storage.scratchReset(mark);
        if (!want) {
            g.release(result);
            return null;
        }
        return result;
    }

    private LongVal assignLocal(Expr.Assign e, int home) {
        LongVal v = g.longs.eval(e.value());
        if (e.op() == AssignOp.SET) {
            asm.stx(Size.DW, Reg.R10, home, g.load(v, Reg.R1));
            return v;
        }
        asm.ldx(Size.DW, Reg.R1, Reg.R10, home);
        g.arith.apply(e.op().binOp, Reg.R1, v, e.value());
        asm.stx(Size.DW, Reg.R10, home, Reg.R1);
        return valueOf(v, Reg.R1);
    }

    /** The result in {@code r}, held in v's temp if it has one. */
    private LongVal valueOf(LongVal v, Reg r) {
        if (v.isConst()) {
            return g.fromReg(r);
        }
        g.temps.write(v.temp(), r);
        return v;
    }

    private LongVal assignGlobal(Expr.Assign e, GlobalAccess.Place p) {
        LongVal v = g.longs.eval(e.value());
        BinOp op = e.op().binOp;
        if (e.op() == AssignOp.SET) {
            g.globals.write(p, v);
            return v;
        }
        if (op == BinOp.ADD || op == BinOp.SUB || op == BinOp.AND || op == BinOp.OR || op == BinOp.XOR) {
            LongVal operand = v;
            BinOp fetch = op;
            if (op == BinOp.SUB) {
                operand = negate(v);
                fetch = BinOp.ADD;
            }
            LongVal old = g.globals.fetchOp(p, fetch, operand, true);
            // new = old op operand, computed in R1, kept in the operand's temp (allocated first)
            g.loadInto(Reg.R1, old);
            g.arith.apply(fetch, Reg.R1, operand, e.value());
            return g.arith.result(operand, old, Reg.R1);
        }
        // other operators: a plain read-modify-write
        LongVal old = g.globals.read(p);
        g.loadInto(Reg.R1, old);
        g.arith.apply(op, Reg.R1, v, e.value());
        g.temps.write(old.temp(), Reg.R1);
        g.globals.write(p, old);
        g.loadInto(Reg.R1, old);
        return g.arith.result(v, old, Reg.R1);
    }

    private LongVal negate(LongVal v) {
        if (v.isConst()) {
            return LongVal.of(-v.constant());
        }
        Reg r = g.temps.target(v.temp(), Reg.R1);
        Reg src = g.temps.read(v.temp(), r);
        asm.neg(src);
        g.temps.write(v.temp(), src);
        return v;
    }

    /** A string assignment; the stored value is also copied to {@code dst} when it is not -1. */
    void assignString(Expr.Assign e, int dst) {
        int mark = g.storage.scratchMark();
        boolean concat = e.op() == AssignOp.CONCAT;
        if (e.target() instanceof Expr.Local l) {
            int home = g.frame.home(l.var());
            if (concat) {
                g.strings.append(home, g.strings.temp(e.value()));
            } else if (reads(e.value(), l.var())) {
                g.strings.copy(home, g.strings.temp(e.value()));
            } else {
                g.strings.into(e.value(), home);
            }
            if (dst >= 0) {
                g.strings.copy(dst, home);
            }
        } else {
            GlobalAccess.Place p = g.globals.place(e.target());
            int value = g.strings.temp(e.value());
            if (concat) {
                int current = g.storage.scratch(g.mod.strSize(), e.loc());
                g.globals.read(p, current);
                g.strings.append(current, value);
                value = current;
            }
            g.globals.write(p, value);
            if (dst >= 0) {
                g.strings.copy(dst, value);
            }
        }
        g.storage.scratchReset(mark);
    }

    /** True when evaluating {@code e} reads local {@code v} (directly, not in called functions). */
    private static boolean reads(Expr e, LocalVar v) {
        boolean[] found = {false};
        new IrWalker() {
            @Override
            protected boolean enter(Expr x) {
                if (x instanceof Expr.Local l && l.var().equals(v)) {
                    found[0] = true;
                }
                return !found[0];
            }
        }.walk(e);
        return found[0];
    }

    LongVal incDec(Expr.IncDec e, boolean want) {
        long delta = e.increment() ? 1 : -1;
        if (e.target() instanceof Expr.Local l) {
            int home = g.frame.home(l.var());
            asm.ldx(Size.DW, Reg.R1, Reg.R10, home).add(Reg.R1, (int) delta).stx(Size.DW, Reg.R10, home, Reg.R1);
            if (!want) {
                return null;
            }
            if (!e.prefix()) {
                asm.sub(Reg.R1, (int) delta);
            }
            return g.fromReg(Reg.R1);
        }
        int mark = g.storage.scratchMark();
        GlobalAccess.Place p = g.globals.place(e.target());
        LongVal old = g.globals.fetchOp(p, BinOp.ADD, LongVal.of(delta), want);
        g.storage.scratchReset(mark);
        if (!want) {
            return null;
        }
        if (e.prefix()) {
            Reg r = g.temps.target(old.temp(), Reg.R1);
            Reg src = g.temps.read(old.temp(), r);
            asm.add(src, (int) delta);
            g.temps.write(old.temp(), src);
        }
        return old;
    }
}
