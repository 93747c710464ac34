package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the inference state into the immutable {@link Program}. */
final class ProgramBuilder {
    private ProgramBuilder() {
    }

    static Program build(TypeInference ti, Set<Func> reachable) {
        IdentityHashMap<Sym, Symbol> symbols = new IdentityHashMap<>();

        Map<String, GlobalSymbol> globals = new LinkedHashMap<>();
        for (Sym g : ti.table.allGlobals()) {
            if (!g.type.known() || !(g.used || !g.fromTapset)) {
                continue;
            }
            List<Type> keys = g.arity > 0 ? Arrays.asList(Arrays.copyOf(g.keys, g.arity)) : List.of();
            GlobalSymbol gs = new GlobalSymbol(g.name, g.type, keys, g.decl == null ? null : g.decl.size(),
                    g.decl != null && g.decl.wrap(), g.init, g.span, g.fromTapset, g.read, g.written);
            globals.put(g.name, gs);
            symbols.put(g, gs);
        }

        Map<String, FunctionSymbol> functions = new LinkedHashMap<>();
        IdentityHashMap<Func, FunctionSymbol> fsyms = new IdentityHashMap<>();
        for (Func f : ti.table.funcs) {
            if (!reachable.contains(f)) {
                continue;
            }
            List<LocalSymbol> params = new ArrayList<>();
            List<LocalSymbol> locals = new ArrayList<>();
            for (Sym s : f.scope.locals.values()) {
                LocalSymbol ls = new LocalSymbol(s.name, s.type, s.paramIndex, s.span);
                symbols.put(s, ls);
                (s.kind == Sym.Kind.PARAM ? params : locals).add(ls);
            }
            FunctionSymbol fs = new FunctionSymbol(f.name, f.ret, params, locals, f.body, f.decl, f.fromTapset);
            functions.put(f.name, fs);
            fsyms.put(f, fs);
        }

        List<ResolvedProbe> probes = new ArrayList<>();
        for (ProbeDraft d : ti.probes) {
            List<LocalSymbol> locals = new ArrayList<>();
            List<LocalSymbol> aliasLocals = new ArrayList<>();
            for (Sym s : d.scope.locals.values()) {
                LocalSymbol ls = new LocalSymbol(s.name, s.type, -1, s.span);
                symbols.put(s, ls);
                locals.add(ls);
                if (d.aliasAssigned.contains(s.name)) {
                    aliasLocals.add(ls);
                }
            }
            probes.add(new ResolvedProbe(d.source, d.point, d.targets, d.body, d.condition, locals, aliasLocals,
                    d.chain, d.alias));
        }

        IdentityHashMap<Expr.Ident, Symbol> idents = new IdentityHashMap<>(ti.idents.size());
        ti.idents.forEach((id, s) -> {
            Symbol sym = symbols.get(s);
            if (sym != null) {
                idents.put(id, sym);
            }
        });
        IdentityHashMap<Expr.TargetVar, ContextVar> vars = new IdentityHashMap<>();
        ti.targetVars.forEach((tv, l) -> {
            if (l.var() != null) {
                vars.put(tv, l.var());
            }
        });
        IdentityHashMap<Expr.Call, Callee> callees = new IdentityHashMap<>(ti.calls.size());
        ti.calls.forEach((c, o) -> {
            if (o instanceof BuiltinFunction b) {
                callees.put(c, b);
            } else if (o instanceof Func f && fsyms.containsKey(f)) {
                callees.put(c, fsyms.get(f));
            }
        });
        IdentityHashMap<io.jstap.compiler.ast.Stmt, List<Symbol>> bound = new IdentityHashMap<>();
        ti.foreachKeys.forEach((f, keys) -> {
            List<Symbol> out = new ArrayList<>();
            for (Sym k : keys) {
                out.add(symbols.get(k));
            }
            Sym v = ti.foreachValues.get(f);
            if (v != null) {
                out.add(symbols.get(v));
            }
            if (!out.contains(null)) {
                bound.put(f, List.copyOf(out));
            }
        });
        ti.catchVars.forEach((t, v) -> {
            if (symbols.get(v) != null) {
                bound.put(t, List.of(symbols.get(v)));
            }
        });
        return new Program(probes, globals, functions, ti.types, idents, vars, callees, bound);
    }
}
