package io.jstap.compiler.ast;

import io.jstap.compiler.diag.Span;

/** Every AST node knows where it came from. Spans do not take part in equality (see {@link Span}). */
public interface Node {
    Span span();
}
