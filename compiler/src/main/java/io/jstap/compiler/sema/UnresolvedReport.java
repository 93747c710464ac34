package io.jstap.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * After inference: variables whose type nothing decided are errors ("unresolved type"), locals that are
 * read but never assigned are warnings; both suggest similar names, since a typo is the usual cause.
 */
final class UnresolvedReport {
    private final TypeInference ti;

    UnresolvedReport(TypeInference ti) {
        this.ti = ti;
    }

    void report(Set<Func> reachable) {
        for (ProbeDraft p : ti.probes) {
            scope(p.scope);
        }
        for (Func f : ti.table.funcs) {
            if (reachable.contains(f)) {
                scope(f.scope);
            }
        }
        for (Sym g : ti.table.allGlobals()) {
            if (!g.used) {
                continue;
            }
            if (!g.type.known()) {
                ti.rep.error("unresolved-type", "unresolved type for identifier '" + g.name + "'", g.span);
            } else {
                for (int i = 0; i < g.keys.length && i < g.arity; i++) {
                    if (!g.keys[i].known()) {
                        ti.rep.error("unresolved-type", "unresolved type for index " + (i + 1) + " of array '"
                                + g.name + "'", g.arityAt != null ? g.arityAt : g.span);
                    }
                }
            }
        }
    }

    private void scope(Scope sc) {
        for (Sym s : sc.locals.values()) {
            if (s.quiet) {
                continue;
            }
            String dym = s.written ? null : DidYouMean.note(s.name, names(sc, s));
            if (!s.type.known()) {
                ti.rep.error("unresolved-type", "unresolved type for identifier '" + s.name + "'", s.span, dym);
            } else if (s.kind == Sym.Kind.LOCAL && s.read && !s.written) {
                ti.rep.warning("never-assigned", "never-assigned local variable '" + s.name + "'", s.span, dym);
            }
        }
    }

    private List<String> names(Scope sc, Sym self) {
        List<String> out = new ArrayList<>(ti.table.globals.keySet());
        for (Sym s : sc.locals.values()) {
            if (s != self && s.written) {
                out.add(s.name);
            }
        }
        return out;
    }
}
