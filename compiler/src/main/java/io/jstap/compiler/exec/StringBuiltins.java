package io.jstap.compiler.exec;

/** String intrinsics, delegating to the format library's implementations of stap's semantics. */
final class StringBuiltins {

    private StringBuiltins() {
    }

    static void register(Builtins b) {
    }
}
