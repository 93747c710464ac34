package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Diagnostics;

/**
 * The AST of a source and what went wrong on the way. {@code script} is never null: after errors it holds
 * the declarations that parsed; callers check {@code diagnostics.hasErrors()}.
 */
public record ParseResult(Script script, Diagnostics diagnostics) {
}
