package io.jstap.compiler.sema;

import io.jstap.compiler.diag.Span;

/** A local variable of a probe or function; {@code param} is the parameter index, or -1. */
public record LocalSymbol(String name, Type type, int param, Span span) implements Symbol {
    public boolean isParam() {
        return param >= 0;
    }
}
