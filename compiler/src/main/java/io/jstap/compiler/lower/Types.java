package io.jstap.compiler.lower;

import io.jstap.compiler.diag.Span;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.sema.Type;

/** Elaborated types to IR types. */
final class Types {
    private Types() {
    }

    static IrType of(Type t, Span at, String what) {
        switch (t) {
            case LONG: return IrType.LONG;
            case STRING: return IrType.STRING;
            case STATS: return IrType.STATS;
            case VOID: return IrType.VOID;
            case HIST: return IrType.HISTOGRAM;
            default: throw new LoweringException("unresolved type for " + what, at);
        }
    }

    /** Locals of a type elaboration left open (written but never used) are stored as longs. */
    static IrType local(Type t) {
        return t == Type.STRING ? IrType.STRING : IrType.LONG;
    }
}
