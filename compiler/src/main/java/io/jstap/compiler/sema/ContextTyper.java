package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Expr.AtVar;
import io.jstap.compiler.ast.Expr.Cast;
import io.jstap.compiler.ast.Expr.Entry;
import io.jstap.compiler.ast.Expr.TargetVar;

/**
 * Expressions that read the probe's context: {@code $var} against the probe's target (or, inside
 * {@code @entry}, against the matching entry point), and the {@code @cast}/{@code @var} forms that need
 * debug information jstap does not have.
 */
final class ContextTyper {
    private final ExprTyper ex;

    ContextTyper(ExprTyper ex) {
        this.ex = ex;
    }

    Type debuginfo(Expr e, Type want) {
        ex.error(e.span(), "no-debuginfo", (e instanceof Cast ? "@cast" : "@var")
                + " needs kernel or program type information (DWARF or BTF), which jstap does not read");
        return want.known() ? want : Type.LONG;
    }

    Type entry(Entry en, Type want, Scope sc) {
        if (sc.func != null || sc.entryTarget == null) {
            ex.error(en.span(), "entry", "@entry is only valid in .return probes");
            return ex.expr(en.operand(), want, sc);
        }
        if (sc.inEntry) {
            ex.error(en.span(), "entry", "@entry cannot be nested");
            return ex.expr(en.operand(), want, sc);
        }
        sc.inEntry = true;
        try {
            return ex.expr(en.operand(), want, sc);
        } finally {
            sc.inEntry = false;
        }
    }

    Type targetVar(TargetVar tv, Type want, Scope sc) {
        Type fallback = want.known() ? want : Type.LONG;
        if (sc.func != null) {
            ex.error(tv.span(), "context-var", "context variable '" + tv.name() + "' can only be used in a probe body",
                    "pass its value to the function as a parameter");
            return fallback;
        }
        ProbeTarget t = sc.inEntry ? sc.entryTarget : sc.target;
        if (t == null) {
            ex.error(tv.span(), "context-var", "context variable '" + tv.name()
                    + "' cannot be used in a probe with several different targets");
            return fallback;
        }
        ContextVars.Lookup l = ex.ti.targetVars.get(tv);
        if (l == null) {
            l = ex.ti.contextVars.resolve(t, tv);
            ex.ti.targetVars.put(tv, l);
        }
        if (l.var() == null) {
            if (ex.ti.report) {
                ex.ti.rep.error("context-var", l.error(), tv.span(), l.notes().toArray(new String[0]));
            }
            return fallback;
        }
        return ex.expect(tv, want, l.var().type());
    }
}
