package io.jstap.compiler.sema;

import io.jstap.compiler.ast.AstScanner;
import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.tapset.TapsetLibrary;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Decides whether a body depends on which of its probe targets fired: context variables, {@code @entry},
 * {@code @defined}, {@code pp()} and friends, directly or through the functions it calls. Such bodies are
 * elaborated once per target; the others share one body across all targets.
 */
final class TargetDependence {
    private final UserDecls user;
    private final TapsetLibrary lib;
    private final Map<Decl.Function, Boolean> memo = new IdentityHashMap<>();

    TargetDependence(UserDecls user, TapsetLibrary lib) {
        this.user = user;
        this.lib = lib;
    }

    boolean dependent(Stmt body) {
        return body != null && scan(body);
    }

    boolean dependent(Expr e) {
        return e != null && scan(e);
    }

    private boolean scan(Object node) {
        boolean[] found = {false};
        AstScanner s = new AstScanner() {
            @Override public Void visitTargetVar(Expr.TargetVar e) { found[0] = true; return null; }
            @Override public Void visitEntry(Expr.Entry e) { found[0] = true; return null; }
            @Override public Void visitDefined(Expr.Defined e) { found[0] = true; return null; }

            @Override
            public Void visitCall(Expr.Call e) {
                if (callDepends(e)) {
                    found[0] = true;
                    return null;
                }
                return super.visitCall(e);
            }
        };
        if (node instanceof Stmt st) {
            s.scan(st);
        } else {
            s.scan((Expr) node);
        }
        return found[0];
    }

    private boolean callDepends(Expr.Call c) {
        Decl.Function f = user.functions.get(c.name());
        if (f == null) {
            BuiltinFunction b = Builtins.get(c.name());
            if (b != null) {
                return b.targetDependent();
            }
            f = lib.function(c.name(), c.span().source());
        }
        if (f == null) {
            return false;
        }
        Boolean known = memo.get(f);
        if (known != null) {
            return known;
        }
        memo.put(f, false);
        boolean d = scan(f.body());
        memo.put(f, d);
        return d;
    }
}
