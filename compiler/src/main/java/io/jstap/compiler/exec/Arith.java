package io.jstap.compiler.exec;

import io.jstap.compiler.ir.Ops.BinOp;

/**
 * stap's 64-bit integer arithmetic, which the BPF emitter must reproduce:
 * <ul>
 * <li>+, -, * wrap around (two's complement);</li>
 * <li>/ and % truncate toward zero; a zero divisor is the error "division by 0"; x / -1 is -x and
 *     x % -1 is 0, so {@code LONG_MIN / -1} wraps to LONG_MIN without trapping;</li>
 * <li>{@code <<}, {@code >>} (arithmetic) and {@code >>>} (logical) use the count modulo 64
 *     ({@code count & 63}), as stap's translator emits: a count of 64 shifts by 0, -1 by 63.
 *     stap's compound {@code <<=}/{@code >>=} leave the count unmasked in C, which x86-64 masks
 *     the same way, so both forms mask here.</li>
 * </ul>
 */
public final class Arith {

    public static final String DIVISION_BY_ZERO = "division by 0";

    private Arith() {
    }

    /**
     * Applies a long operator. Division by zero throws {@link ArithmeticException}; the caller
     * turns it into stap's error with the right location.
     */
    public static long apply(BinOp op, long a, long b) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return div(a, b);
            case MOD: return mod(a, b);
            case SHL: return a << (b & 63);
            case SHR: return a >> (b & 63);
            case USHR: return a >>> (b & 63);
            case AND: return a & b;
            case OR: return a | b;
            case XOR: return a ^ b;
            default: throw new IllegalStateException("unknown operator " + op);
        }
    }

    public static long div(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException(DIVISION_BY_ZERO);
        }
        return b == -1 ? -a : a / b;
    }

    public static long mod(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException(DIVISION_BY_ZERO);
        }
        return b == -1 || b == 1 ? 0 : a % b;
    }
}
