package io.jstap.compiler.lower;

import io.jstap.compiler.diag.Span;

/** A construct the back ends cannot run; becomes a semantic error at {@code span}. */
final class LoweringException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Span span;

    LoweringException(String message, Span span) {
        super(message);
        this.span = span;
    }
}
