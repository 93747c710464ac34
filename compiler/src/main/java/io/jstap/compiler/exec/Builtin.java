package io.jstap.compiler.exec;

import io.jstap.compiler.ir.Expr;

import java.util.List;

/**
 * One intrinsic function. Arguments arrive evaluated (Long, String or {@link HistValue});
 * the result is a Long, a String (truncated by the caller) or null for void. A
 * {@link io.jstap.compiler.format.StapError} thrown here becomes a run-time error near the call.
 */
@FunctionalInterface
interface Builtin {
    Object apply(Execution x, Expr.BuiltinCall site, List<Object> args);
}
