package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Script;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The declarations of the user's scripts (files, -e text or REPL snippets), in order, without duplicates. */
final class UserDecls {
    final Map<String, Decl.GlobalVar> globals = new LinkedHashMap<>();
    final Map<String, Decl.Global> globalDecls = new LinkedHashMap<>();
    final Map<String, Decl.Function> functions = new LinkedHashMap<>();
    final List<Decl.Probe> probes = new ArrayList<>();
    final List<Decl.ProbeAlias> aliases = new ArrayList<>();

    static UserDecls collect(List<Script> scripts, Reporter rep) {
        UserDecls u = new UserDecls();
        for (Script s : scripts) {
            for (Decl d : s.decls()) {
                if (d instanceof Decl.Global g) {
                    for (Decl.GlobalVar v : g.vars()) {
                        Decl.GlobalVar prev = u.globals.putIfAbsent(v.name(), v);
                        if (prev != null) {
                            rep.error("duplicate-global", "duplicate global variable '" + v.name() + "'", v.span(),
                                    "first declared at " + prev.span().location());
                        } else {
                            u.globalDecls.put(v.name(), g);
                        }
                    }
                } else if (d instanceof Decl.Function f) {
                    Decl.Function prev = u.functions.putIfAbsent(f.name(), f);
                    if (prev != null) {
                        rep.error("duplicate-function", "duplicate function definition '" + f.name() + "'", f.span(),
                                "first defined at " + prev.span().location());
                    }
                    checkParams(f, rep);
                } else if (d instanceof Decl.Probe p) {
                    u.probes.add(p);
                } else if (d instanceof Decl.ProbeAlias a) {
                    u.aliases.add(a);
                }
            }
        }
        return u;
    }

    static void checkParams(Decl.Function f, Reporter rep) {
        for (int i = 0; i < f.params().size(); i++) {
            for (int j = 0; j < i; j++) {
                if (f.params().get(i).name().equals(f.params().get(j).name())) {
                    rep.error("duplicate-parameter", "duplicate parameter '" + f.params().get(i).name()
                            + "' of function '" + f.name() + "'", f.params().get(i).span());
                }
            }
        }
    }
}
