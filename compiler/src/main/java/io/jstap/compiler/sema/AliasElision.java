package io.jstap.compiler.sema;

import io.jstap.compiler.ast.AstScanner;
import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.tapset.TapsetLibrary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drops alias-body assignments nobody reads, as stap's optimiser does: {@code probe syscall.* { n++ }} does
 * not need {@code argstr} formatted, nor the file name read from user memory. An assignment goes when its
 * target is a local that no part of the merged body reads and its value has no side effects; removing one
 * can make others dead ({@code argstr} reads {@code fd}), so it repeats until nothing changes.
 */
final class AliasElision {
    /** Built-ins whose call does something besides computing a value. */
    private static final Set<String> EFFECTFUL = Set.of("printf", "print", "println", "printd", "printdln",
            "exit", "error", "warn", "abort", "assert", "system", "print_backtrace", "print_ubacktrace",
            "print_stack", "print_ustack", "tokenize");

    private final UserDecls user;
    private final TapsetLibrary lib;
    private final Map<Decl.Function, Boolean> pureFunctions = new IdentityHashMap<>();

    AliasElision(UserDecls user, TapsetLibrary lib) {
        this.user = user;
        this.lib = lib;
    }

    /** The alias layers without dead assignments, in the same order (a layer may end up empty). */
    List<Stmt.Block> elide(List<Stmt.Block> layers, Stmt.Block body, Expr condition) {
        List<Stmt.Block> current = new ArrayList<>(layers);
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<String, Integer> reads = new HashMap<>();
            for (Stmt.Block b : current) {
                countReads(b, reads);
            }
            countReads(body, reads);
            if (condition != null) {
                countReads(condition, reads);
            }
            for (int i = 0; i < current.size(); i++) {
                Stmt.Block b = current.get(i);
                List<Stmt> keep = new ArrayList<>();
                for (Stmt s : b.stmts()) {
                    if (dead(s, reads)) {
                        changed = true;
                    } else {
                        keep.add(s);
                    }
                }
                current.set(i, keep.size() == b.stmts().size() ? b : new Stmt.Block(b.span(), keep));
            }
        }
        return current;
    }

    private boolean dead(Stmt s, Map<String, Integer> reads) {
        if (!(s instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.Assign a && a.op() == Ops.AssignOp.ASSIGN
                && a.target() instanceof Expr.Ident id)) {
            return false;
        }
        return reads.getOrDefault(id.name(), 0) == 0 && !isGlobal(id.name(), id) && pure(a.value());
    }

    private boolean isGlobal(String name, Expr at) {
        return user.globals.containsKey(name) || lib.global(name, at.span().source()) != null;
    }

    /** Every mention of a name except as the target of a plain assignment counts as a read. */
    private static void countReads(Object node, Map<String, Integer> reads) {
        AstScanner s = new AstScanner() {
            @Override
            public Void visitIdent(Expr.Ident e) {
                reads.merge(e.name(), 1, Integer::sum);
                return null;
            }

            @Override
            public Void visitAssign(Expr.Assign e) {
                if (e.op() == Ops.AssignOp.ASSIGN && e.target() instanceof Expr.Ident) {
                    scan(e.value());
                    return null;
                }
                return super.visitAssign(e);
            }

            @Override
            public Void visitForeach(Stmt.Foreach f) {
                for (Stmt.ForeachKey k : f.keys()) {
                    reads.merge(k.name(), 1, Integer::sum);
                }
                if (f.valueVar() != null) {
                    reads.merge(f.valueVar(), 1, Integer::sum);
                }
                return super.visitForeach(f);
            }

            @Override
            public Void visitTry(Stmt.Try t) {
                if (t.catchVar() != null) {
                    reads.merge(t.catchVar(), 1, Integer::sum);
                }
                return super.visitTry(t);
            }
        };
        if (node instanceof Stmt st) {
            s.scan(st);
        } else {
            s.scan((Expr) node);
        }
    }

    /** No assignments, no output, no exit, no calls of functions that have any. */
    private boolean pure(Expr e) {
        boolean[] ok = {true};
        new AstScanner() {
            @Override public Void visitAssign(Expr.Assign a) { ok[0] = false; return null; }
            @Override public Void visitIncDec(Expr.IncDec d) { ok[0] = false; return null; }

            @Override
            public Void visitCall(Expr.Call c) {
                if (!pureCall(c)) {
                    ok[0] = false;
                    return null;
                }
                return super.visitCall(c);
            }
        }.scan(e);
        return ok[0];
    }

    private boolean pureCall(Expr.Call c) {
        Decl.Function f = user.functions.get(c.name());
        if (f == null && Builtins.get(c.name()) != null) {
            return !EFFECTFUL.contains(c.name());
        }
        if (f == null) {
            f = lib.function(c.name(), c.span().source());
        }
        return f != null && pureFunction(f);
    }

    /** A function is pure when it writes no global, prints nothing and calls only pure functions. */
    private boolean pureFunction(Decl.Function f) {
        Boolean known = pureFunctions.get(f);
        if (known != null) {
            return known;
        }
        pureFunctions.put(f, false);
        Set<String> params = new java.util.HashSet<>();
        for (Decl.Param p : f.params()) {
            params.add(p.name());
        }
        boolean[] ok = {true};
        new AstScanner() {
            private void write(Expr target) {
                Expr base = target instanceof Expr.Index ix ? ix.base() : target;
                if (!(base instanceof Expr.Ident id) || !params.contains(id.name()) && isGlobal(id.name(), id)) {
                    ok[0] = false;
                }
            }

            @Override public Void visitAssign(Expr.Assign a) { write(a.target()); return super.visitAssign(a); }
            @Override public Void visitIncDec(Expr.IncDec d) { write(d.target()); return super.visitIncDec(d); }
            @Override public Void visitDelete(Stmt.Delete d) { write(d.target()); return null; }
            @Override public Void visitNext(Stmt.Next n) { ok[0] = false; return null; }

            @Override
            public Void visitCall(Expr.Call c) {
                if (!pureCall(c)) {
                    ok[0] = false;
                    return null;
                }
                return super.visitCall(c);
            }
        }.scan(f.body());
        pureFunctions.put(f, ok[0]);
        return ok[0];
    }
}
