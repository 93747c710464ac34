package io.jstap.compiler.sema;

/** A variable an identifier refers to: a global or a probe/function local (parameters included). */
public sealed interface Symbol permits GlobalSymbol, LocalSymbol {
    String name();

    Type type();
}
