package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.ast.Stmt.*;
import io.jstap.compiler.diag.Span;

/** Types statements: conditions are longs, loops and foreach bind their variables, return fixes a function's type. */
final class StmtTyper extends ExprTyper {

    StmtTyper(TypeInference ti) {
        super(ti);
    }

    void block(Block b, Scope sc) {
        for (Stmt s : b.stmts()) {
            stmt(s, sc);
        }
    }

    void stmt(Stmt s, Scope sc) {
        if (s == null) {
            return;
        }
        if (s instanceof Block b) {
            block(b, sc);
        } else if (s instanceof ExprStmt es) {
            exprStmt(es.expr(), sc);
        } else if (s instanceof If i) {
            expr(i.cond(), Type.LONG, sc);
            stmt(i.then(), sc);
            stmt(i.otherwise(), sc);
        } else if (s instanceof While w) {
            expr(w.cond(), Type.LONG, sc);
            loop(w.body(), sc);
        } else if (s instanceof For f) {
            if (f.init() != null) {
                exprStmt(f.init(), sc);
            }
            if (f.cond() != null) {
                expr(f.cond(), Type.LONG, sc);
            }
            if (f.update() != null) {
                exprStmt(f.update(), sc);
            }
            loop(f.body(), sc);
        } else if (s instanceof Foreach f) {
            foreach(f, sc);
        } else if (s instanceof Break || s instanceof Continue) {
            if (sc.loopDepth == 0) {
                error(s.span(), "no-loop", (s instanceof Break ? "'break'" : "'continue'") + " outside a loop");
            }
        } else if (s instanceof Return r) {
            ret(r, sc);
        } else if (s instanceof Delete d) {
            delete(d, sc);
        } else if (s instanceof Try t) {
            block(t.body(), sc);
            if (t.catchVar() != null) {
                Sym v = ti.catchVars.get(t);
                if (v == null) {
                    v = named(t.catchVar(), t.span(), sc);
                    ti.catchVars.put(t, v);
                }
                v.written = true;
                ti.use(v, Type.STRING, t.span());
            }
            block(t.handler(), sc);
        }
        // Empty and Next need nothing.
    }

    private void loop(Stmt body, Scope sc) {
        sc.loopDepth++;
        stmt(body, sc);
        sc.loopDepth--;
    }

    private void ret(Return r, Scope sc) {
        if (sc.func == null) {
            error(r.span(), "return-in-probe", "'return' is only allowed in functions; use 'next' to leave a probe");
            if (r.value() != null) {
                expr(r.value(), Type.UNKNOWN, sc);
            }
            return;
        }
        if (r.value() == null) {
            return;
        }
        Func f = sc.func;
        f.hasValueReturn = true;
        Type t = expr(r.value(), f.ret == Type.VOID ? Type.UNKNOWN : f.ret, sc);
        if (t == Type.STATS || t == Type.HIST || t == Type.VOID) {
            error(r.value().span(), "bad-return", "a function can only return a long or a string, not " + t);
        } else {
            ti.decideReturn(f, t, r.value().span());
        }
    }

    private void delete(Delete d, Scope sc) {
        Expr t = d.target();
        if (t instanceof Expr.Ident id) {
            Sym s = resolve(id, sc);
            s.written = true;
            s.used = true;
            if (ti.report) {
                ti.types.put(t, s.type);
            }
        } else if (t instanceof Expr.Index ix && ix.base() instanceof Expr.Ident id) {
            Sym s = resolve(id, sc);
            if (requireGlobal(s, id.span(), "delete of an element")) {
                s.written = true;
                index(ix, Type.UNKNOWN, sc, true, true);
            }
        } else {
            error(t.span(), "delete", "delete needs a variable, an array or an array element");
        }
    }

    private void foreach(Foreach f, Scope sc) {
        Sym arr = resolve(f.array(), sc);
        int sorts = f.valueSort() == Ops.Sort.NONE ? 0 : 1;
        for (ForeachKey k : f.keys()) {
            sorts += k.sort() == Ops.Sort.NONE ? 0 : 1;
        }
        if (sorts > 1) {
            error(f.span(), "foreach-sort", "foreach can sort by only one key or the value");
        }
        if (requireGlobal(arr, f.array().span(), "foreach")) {
            arr.read = true;
            arr.used = true;
            ti.arity(arr, f.keys().size(), f.array().span());
            Sym[] keys = ti.foreachKeys.get(f);
            if (keys == null) {
                keys = new Sym[f.keys().size()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = named(f.keys().get(i).name(), f.keys().get(i).span(), sc);
                }
                ti.foreachKeys.put(f, keys);
            }
            for (int i = 0; i < keys.length; i++) {
                Sym k = keys[i];
                k.written = true;
                Span at = f.keys().get(i).span();
                if (i < arr.keys.length) {
                    Type kt = ti.use(k, arr.keys[i], at);
                    ti.setKey(arr, i, kt, at);
                }
            }
            if (f.valueVar() != null) {
                Sym v = ti.foreachValues.get(f);
                if (v == null) {
                    v = named(f.valueVar(), f.span(), sc);
                    ti.foreachValues.put(f, v);
                }
                v.written = true;
                if (arr.type == Type.STATS) {
                    v.quiet = true;
                    error(f.span(), "foreach-value", "a foreach value variable cannot hold statistics; use @count("
                            + arr.name + "[...]) and friends in the body");
                } else {
                    Type vt = ti.use(v, arr.type, f.span());
                    ti.use(arr, vt, f.array().span());
                }
            }
            if (f.slice() != null) {
                if (f.slice().size() != f.keys().size()) {
                    error(f.span(), "arity", "foreach slice has " + f.slice().size() + " indexes but " + f.keys().size()
                            + " keys");
                }
                keys(arr, f.slice(), sc, true);
            }
        }
        if (f.limit() != null) {
            expr(f.limit(), Type.LONG, sc);
        }
        loop(f.body(), sc);
    }

    /** A variable bound by name (foreach keys, catch variables): resolved like an identifier. */
    private Sym named(String name, Span at, Scope sc) {
        return resolveName(name, at, sc);
    }
}
