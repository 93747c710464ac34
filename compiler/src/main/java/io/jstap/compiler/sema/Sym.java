package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.diag.Span;
import java.util.Arrays;

/**
 * A variable while types are being inferred: its type, array arity and key types only ever go from unknown
 * to known; the span where each was decided is kept for "inferred here" notes.
 */
final class Sym {
    enum Kind { GLOBAL, LOCAL, PARAM }

    final String name;
    final Kind kind;
    final Span span;
    Type type = Type.UNKNOWN;
    Span typeAt;
    /** -1 unknown, 0 scalar, N array with N keys. */
    int arity = -1;
    Span arityAt;
    boolean mustBeArray;
    Type[] keys = new Type[0];
    boolean read;
    boolean written;
    boolean used;
    /** Already reported as misused; not reported again as unresolved. */
    boolean quiet;
    int paramIndex = -1;
    // Globals only.
    Decl.GlobalVar decl;
    Expr init;
    boolean fromTapset;
    int order;

    Sym(String name, Kind kind, Span span) {
        this.name = name;
        this.kind = kind;
        this.span = span;
    }

    boolean isArray() {
        return arity > 0 || mustBeArray;
    }

    void setArity(int n, Span at) {
        arity = n;
        arityAt = at;
        if (keys.length < n) {
            Type[] k = Arrays.copyOf(keys, n);
            for (int i = keys.length; i < n; i++) {
                k[i] = Type.UNKNOWN;
            }
            keys = k;
        }
    }

    String describe() {
        return kind == Kind.GLOBAL ? "global '" + name + "'" : "'" + name + "'";
    }
}
