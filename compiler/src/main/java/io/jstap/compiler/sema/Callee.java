package io.jstap.compiler.sema;

/** What a call resolves to: a built-in of the compiler or a script/tapset function. */
public sealed interface Callee permits BuiltinFunction, FunctionSymbol {
    String name();
}
