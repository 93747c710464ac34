package io.jstap.compiler.sema;

import io.jstap.compiler.diag.Diagnostics;

/** The outcome of elaboration: the program (complete only when {@code diagnostics} has no errors). */
public record ElabResult(Program program, Diagnostics diagnostics) {
    public boolean ok() {
        return !diagnostics.hasErrors();
    }
}
