package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.diag.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Infers the types of every variable, array key and function, as stap does: all bodies are walked
 * repeatedly, each walk deciding what it can from literals, operators, declarations and what earlier walks
 * decided, until a walk decides nothing new. A last walk then records each expression's type and reports
 * mismatches; whatever is still unknown is reported as unresolved.
 */
final class TypeInference {
    private static final int MAX_ROUNDS = 50;

    final Reporter rep;
    final SymbolTable table;
    final ContextVars contextVars;
    final List<ProbeDraft> probes;
    boolean report;
    boolean changed;

    final IdentityHashMap<Expr, Type> types = new IdentityHashMap<>(4096);
    final IdentityHashMap<Expr.Ident, Sym> idents = new IdentityHashMap<>(2048);
    final IdentityHashMap<Expr.Call, Object> calls = new IdentityHashMap<>(1024);
    final IdentityHashMap<Expr.TargetVar, ContextVars.Lookup> targetVars = new IdentityHashMap<>();
    final IdentityHashMap<Stmt.Foreach, Sym[]> foreachKeys = new IdentityHashMap<>();
    final IdentityHashMap<Stmt.Foreach, Sym> foreachValues = new IdentityHashMap<>();
    final IdentityHashMap<Stmt.Try, Sym> catchVars = new IdentityHashMap<>();
    /** Marker for calls that resolve to nothing. */
    static final Object UNRESOLVED = new Object();

    private final StmtTyper typer;

    TypeInference(Reporter rep, SymbolTable table, ContextVars contextVars, List<ProbeDraft> probes) {
        this.rep = rep;
        this.table = table;
        this.contextVars = contextVars;
        this.probes = probes;
        this.typer = new StmtTyper(this);
    }

    /** Runs inference to its fixed point, then the reporting walk. Returns the reachable functions. */
    Set<Func> run() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            changed = false;
            walkAll();
            if (!changed) {
                break;
            }
        }
        // A function that never returns a value, and whose value no caller wanted, returns nothing.
        for (Func f : table.funcs) {
            if (!f.ret.known() && !f.hasValueReturn) {
                f.ret = Type.VOID;
            }
        }
        report = true;
        walkAll();
        for (Sym g : table.allGlobals()) {
            if (g.init != null) {
                types.put(g.init, g.type);
            }
        }
        Set<Func> reachable = reachable();
        new UnresolvedReport(this).report(reachable);
        return reachable;
    }

    private void walkAll() {
        for (ProbeDraft p : probes) {
            if (p.condition != null) {
                typer.expr(p.condition, Type.LONG, p.scope);
            }
            typer.block(p.body, p.scope);
        }
        // Typing may pull in more tapset functions; they join the walk at once.
        for (int i = 0; i < table.funcs.size(); i++) {
            Func f = table.funcs.get(i);
            typer.block(f.body, f.scope);
        }
    }

    private Set<Func> reachable() {
        Set<Func> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Func> work = new ArrayList<>();
        for (ProbeDraft p : probes) {
            work.addAll(p.scope.calls);
        }
        while (!work.isEmpty()) {
            Func f = work.remove(work.size() - 1);
            if (seen.add(f)) {
                work.addAll(f.scope.calls);
            }
        }
        return seen;
    }

    // ---- deciding and checking types ----

    /** Gives {@code s} type {@code want} if it has none; in the reporting walk, complains if it differs. */
    Type use(Sym s, Type want, Span at) {
        if (want.known() && want != Type.HIST && want != Type.VOID) {
            if (!s.type.known()) {
                s.type = want;
                s.typeAt = at;
                changed = true;
            } else if (s.type != want && report) {
                rep.error("type-mismatch", "type mismatch (" + want + " vs. " + s.type + ")", at,
                        inferredNote(s));
            }
        }
        s.used = true;
        return s.type;
    }

    String inferredNote(Sym s) {
        return s.typeAt == null ? null
                : s.describe() + " was inferred as " + s.type + " at " + s.typeAt.location();
    }

    /** In the reporting walk, complains if a value of type {@code got} appears where {@code want} is needed. */
    Type expect(Span at, Type want, Type got) {
        return expect(at, want, got, null);
    }

    /** As {@link #expect(Span, Type, Type)}, with a note on where {@code want} came from. */
    Type expect(Span at, Type want, Type got, String note) {
        if (report && want.known() && got.known() && want != got && want != Type.VOID) {
            rep.error("type-mismatch", "type mismatch (" + want + " vs. " + got + ")", at, note);
        }
        return got;
    }

    void decideReturn(Func f, Type t, Span at) {
        if (t.known() && t != Type.HIST && t != Type.VOID && t != Type.STATS) {
            if (!f.ret.known()) {
                f.ret = t;
                f.retAt = at;
                changed = true;
            } else if (f.ret != t && f.ret != Type.VOID && report) {
                rep.error("type-mismatch", "type mismatch (" + f.ret + " vs. " + t + ")", at,
                        f.retAt == null ? null : "function '" + f.name + "' returns " + f.ret + " (from "
                                + f.retAt.location() + ")");
            }
        }
    }

    void setKey(Sym s, int i, Type t, Span at) {
        if (i < s.keys.length && !s.keys[i].known() && (t == Type.LONG || t == Type.STRING)) {
            s.keys[i] = t;
            changed = true;
        } else if (report && i < s.keys.length && s.keys[i].known() && t.known() && t != s.keys[i]) {
            rep.error("type-mismatch", "type mismatch (" + s.keys[i] + " vs. " + t + ")", at,
                    "index " + (i + 1) + " of " + s.describe() + " is " + s.keys[i]);
        }
    }

    /** Records that {@code s} is used with {@code n} indexes (0: as a scalar). */
    void arity(Sym s, int n, Span at) {
        if (s.kind != Sym.Kind.GLOBAL) {
            if (n > 0 && report) {
                rep.error("local-array", "'" + s.name + "' is a local variable; arrays must be declared global",
                        at, "add 'global " + s.name + "' at the top level");
            }
            return;
        }
        if (n > 9) {
            if (report) {
                rep.error("arity", "array '" + s.name + "' used with " + n + " indexes; at most 9 are allowed", at);
            }
            return;
        }
        if (s.arity < 0) {
            if (n == 0 && s.mustBeArray) {
                if (report) {
                    rep.error("arity", "array '" + s.name + "' used as a scalar", at,
                            "declared as an array at " + s.span.location());
                }
                return;
            }
            s.setArity(n, at);
            changed = true;
        } else if (s.arity != n && report) {
            String elsewhere = s.arityAt == null ? "" : " (at " + s.arityAt.location() + ")";
            if (n == 0) {
                rep.error("arity", "array '" + s.name + "' used as a scalar", at,
                        "it is used with " + plural(s.arity) + elsewhere);
            } else if (s.arity == 0) {
                rep.error("arity", "scalar '" + s.name + "' used as an array", at,
                        "it is used as a scalar" + elsewhere);
            } else {
                rep.error("arity", "array '" + s.name + "' used with " + plural(n) + " here but " + s.arity
                        + " elsewhere", at, "used with " + plural(s.arity) + elsewhere);
            }
        }
    }

    private static String plural(int n) {
        return n + (n == 1 ? " index" : " indexes");
    }
}
