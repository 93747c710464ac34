package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.diag.Diagnostics;

/** One expression (REPL evaluation, {@code :dump} filters); {@code expr} is null when it could not be built. */
public record ExprResult(Expr expr, Diagnostics diags) {
}
