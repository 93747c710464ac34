package io.jstap.compiler.parse;

import io.jstap.compiler.diag.Diagnostic;

/**
 * Unwinds the parser from a syntax error to the nearest recovery point. {@code diagnostic} is what to
 * report (null when it was reported already); {@code scope} says how far to unwind.
 */
final class SyntaxAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How far the parser gives up: the statement, the whole declaration, or the whole input. */
    enum Scope { STATEMENT, DECLARATION, INPUT }

    final transient Diagnostic diagnostic;
    final Scope scope;

    SyntaxAbort(Diagnostic diagnostic, Scope scope) {
        super(diagnostic == null ? "syntax error" : diagnostic.message(), null, false, false);
        this.diagnostic = diagnostic;
        this.scope = scope;
    }

    static SyntaxAbort statement(Diagnostic d) {
        return new SyntaxAbort(d, Scope.STATEMENT);
    }

    static SyntaxAbort declaration(Diagnostic d) {
        return new SyntaxAbort(d, Scope.DECLARATION);
    }

    static SyntaxAbort input(Diagnostic d) {
        return new SyntaxAbort(d, Scope.INPUT);
    }
}
