package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.exec.Arith;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.Ops.BinOp;

/**
 * stap's 64-bit arithmetic ({@link Arith}) in BPF: wrap-around +, -, *; signed / and % truncating toward
 * zero, built on the unsigned BPF division (so it needs no cpu v4 instructions), with a zero divisor
 * reported as "division by 0"; shift counts taken modulo 64.
 */
final class ArithEmitter {

    private final Gen g;
    private final Assembler asm;

    ArithEmitter(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    /** {@code left op right} as the IR's Binary node; errors are reported near {@code near}. */
    LongVal binary(BinOp op, LongVal l, LongVal r, Expr near) {
        boolean divides = op == BinOp.DIV || op == BinOp.MOD;
        if (l.isConst() && r.isConst() && !(divides && r.constant() == 0)) {
            return LongVal.of(Arith.apply(op, l.constant(), r.constant()));
        }
        g.loadInto(Reg.R1, l);
        apply(op, Reg.R1, r, near);
        return result(l, r, Reg.R1);
    }

    /** Stores {@code value} as the result of an operation on l and r, reusing their temps in LIFO order. */
    LongVal result(LongVal l, LongVal r, Reg value) {
        if (!l.isConst()) {
            g.release(r);
            g.temps.write(l.temp(), value);
            return l;
        }
        if (!r.isConst()) {
            g.temps.write(r.temp(), value);
            return r;
        }
        return g.fromReg(value);
    }

    /** {@code dst op= r}; clobbers R2-R4. */
    void apply(BinOp op, Reg dst, LongVal r, Expr near) {
        switch (op) {
            case DIV:
            case MOD:
                divide(op == BinOp.DIV, dst, r, near);
                return;
            case SHL:
            case SHR:
            case USHR:
                shift(op, dst, r);
                return;
            default:
                break;
        }
        if (r.isImm()) {
            int imm = (int) r.constant();
            switch (op) {
                case ADD: asm.add(dst, imm); return;
                case SUB: asm.sub(dst, imm); return;
                case MUL: asm.mul(dst, imm); return;
                case AND: asm.and(dst, imm); return;
                case OR: asm.or(dst, imm); return;
                case XOR: asm.xor(dst, imm); return;
                default: throw new IllegalStateException(op.toString());
            }
        }
        Reg s = g.load(r, Reg.R2);
        switch (op) {
            case ADD: asm.add(dst, s); return;
            case SUB: asm.sub(dst, s); return;
            case MUL: asm.mul(dst, s); return;
            case AND: asm.and(dst, s); return;
            case OR: asm.or(dst, s); return;
            case XOR: asm.xor(dst, s); return;
            default: throw new IllegalStateException(op.toString());
        }
    }

    private void shift(BinOp op, Reg dst, LongVal r) {
        if (r.isConst()) {
            int count = (int) (r.constant() & 63);
            if (count == 0) {
                return;
            }
            switch (op) {
                case SHL: asm.lsh(dst, count); return;
                case SHR: asm.arsh(dst, count); return;
                default: asm.rsh(dst, count); return;
            }
        }
        g.loadInto(Reg.R2, r);
        asm.and(Reg.R2, 63);
        switch (op) {
            case SHL: asm.lsh(dst, Reg.R2); return;
            case SHR: asm.arsh(dst, Reg.R2); return;
            default: asm.rsh(dst, Reg.R2); return;
        }
    }

    /**
     * Signed division or remainder of {@code dst} by {@code r}: magnitudes are divided unsigned (the
     * magnitude of LONG_MIN is 2^63, exact as unsigned) and the sign restored, which gives Java's
     * truncation, LONG_MIN / -1 = LONG_MIN and x % ±1 = 0 without special cases.
     */
    private void divide(boolean quotient, Reg dst, LongVal r, Expr near) {
        g.loadInto(Reg.R2, r);
        if (!r.isConst() || r.constant() == 0) {
            asm.jeq(Reg.R2, 0, g.errors.failure(Arith.DIVISION_BY_ZERO, near));
        }
        asm.mov(Reg.R3, 0);
        Label dividendPositive = asm.newLabel("div_a_pos");
        asm.jsge(dst, 0, dividendPositive).neg(dst).mov(Reg.R3, 1).bind(dividendPositive);
        Label divisorPositive = asm.newLabel("div_b_pos");
        asm.jsge(Reg.R2, 0, divisorPositive).neg(Reg.R2);
        if (quotient) {
            asm.xor(Reg.R3, 1);
        }
        asm.bind(divisorPositive);
        if (quotient) {
            asm.div(dst, Reg.R2);
        } else {
            asm.mod(dst, Reg.R2);
        }
        Label done = asm.newLabel("div_done");
        asm.jeq(Reg.R3, 0, done).neg(dst).bind(done);
    }
}
