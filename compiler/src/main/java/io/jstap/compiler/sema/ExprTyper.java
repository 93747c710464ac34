package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Expr.*;
import io.jstap.compiler.ast.Ops;
import io.jstap.compiler.diag.Span;
import java.util.List;

/**
 * Types one expression given the type its context wants ({@link Type#UNKNOWN} when the context does not
 * care), deciding unknown variable types from that context, and returns the expression's own type.
 */
class ExprTyper {
    final TypeInference ti;
    private final CallTyper calls;
    private final ContextTyper context;
    /** Set by print-like callers and indexing: a histogram is allowed as the next expression. */
    boolean allowHist;
    /** The value of an assignment being typed, and where the target's type came from (for mismatch notes). */
    private Expr noteNode;
    private String noteText;

    ExprTyper(TypeInference ti) {
        this.ti = ti;
        this.calls = new CallTyper(this);
        this.context = new ContextTyper(this);
    }

    Type expr(Expr e, Type want, Scope sc) {
        boolean hist = allowHist;
        allowHist = false;
        Type t = dispatch(e, want, sc, hist);
        if (ti.report) {
            ti.types.put(e, t);
        }
        return t;
    }

    /** An expression statement: its value is discarded, so calls of functions returning nothing are fine. */
    void exprStmt(Expr e, Scope sc) {
        if (e instanceof Call c) {
            Type t = calls.call(c, Type.UNKNOWN, sc, true);
            if (ti.report) {
                ti.types.put(e, t);
            }
        } else {
            expr(e, Type.UNKNOWN, sc);
        }
    }

    private Type dispatch(Expr e, Type want, Scope sc, boolean hist) {
        if (e instanceof LongLit) {
            return expect(e, want, Type.LONG);
        } else if (e instanceof StringLit) {
            return expect(e, want, Type.STRING);
        } else if (e instanceof Ident id) {
            return read(resolve(id, sc), want, id.span());
        } else if (e instanceof Index ix) {
            return index(ix, want, sc, false, false);
        } else if (e instanceof Binary b) {
            return binary(b, want, sc);
        } else if (e instanceof Unary u) {
            if (u.op() == Ops.UnOp.ADDRESS_OF) {
                error(u.span(), "address-of", "taking the address of '" + describe(u.operand())
                        + "' needs type information, which jstap does not read");
                return Type.LONG;
            }
            expr(u.operand(), Type.LONG, sc);
            return expect(e, want, Type.LONG);
        } else if (e instanceof IncDec d) {
            lvalue(d.target(), Type.LONG, sc);
            return expect(e, want, Type.LONG);
        } else if (e instanceof Assign a) {
            return assign(a, want, sc);
        } else if (e instanceof Ternary t) {
            expr(t.cond(), Type.LONG, sc);
            Type tt = expr(t.then(), want, sc);
            Type ot = expr(t.otherwise(), tt.known() ? tt : want, sc);
            if (!tt.known() && ot.known()) {
                tt = expr(t.then(), ot, sc);
            }
            return tt.known() ? tt : ot;
        } else if (e instanceof In in) {
            Sym s = resolve(in.array(), sc);
            if (requireGlobal(s, in.array().span(), "'in'")) {
                ti.arity(s, in.keys().size(), in.span());
                keys(s, in.keys(), sc, true);
                s.read = true;
                s.used = true;
            }
            return expect(e, want, Type.LONG);
        } else if (e instanceof Call c) {
            return calls.call(c, want, sc, false);
        } else if (e instanceof StatsOp op) {
            stats(op.operand(), op.fn().symbol, sc);
            return expect(e, want, Type.LONG);
        } else if (e instanceof Hist h) {
            return hist(h, sc, hist);
        } else if (e instanceof Entry en) {
            return context.entry(en, want, sc);
        } else if (e instanceof TargetVar tv) {
            return context.targetVar(tv, want, sc);
        } else if (e instanceof Cast || e instanceof AtVar) {
            return context.debuginfo(e, want);
        } else if (e instanceof Wildcard) {
            error(e.span(), "wildcard", "'*' is only allowed as an index in delete, 'in' and foreach");
            return want;
        } else if (e instanceof ScriptArg a) {
            return expect(e, want, a.asString() ? Type.STRING : Type.LONG);
        } else if (e instanceof Defined d) {
            return expect(d, want, Type.LONG);
        }
        throw new IllegalStateException("unhandled expression " + e.getClass().getSimpleName());
    }

    // ---- variables ----

    /** The variable an identifier names: a local or parameter, a global, or a new local. */
    Sym resolve(Ident id, Scope sc) {
        Sym s = ti.idents.get(id);
        if (s == null) {
            s = resolveName(id.name(), id.span(), sc);
            ti.idents.put(id, s);
        }
        return s;
    }

    Sym resolveName(String name, Span at, Scope sc) {
        Sym s = sc.locals.get(name);
        if (s == null) {
            s = ti.table.global(name, at.source());
        }
        return s != null ? s : sc.local(name, at);
    }

    /** A variable read as a value (not an array, not statistics). */
    private Type read(Sym s, Type want, Span at) {
        s.read = true;
        ti.arity(s, 0, at);
        Type t = ti.use(s, want, at);
        if (t == Type.STATS && want != Type.STATS && !want.known()) {
            error(at, "stats-value", "statistics " + s.describe() + " cannot be used as a value",
                    "read it with @count, @sum, @min, @max, @avg or @variance");
        }
        return t;
    }

    Type index(Index ix, Type want, Scope sc, boolean lvalue, boolean wildcards) {
        if (ix.base() instanceof Hist h) {
            hist(h, sc, true);
            if (ix.indices().size() != 1) {
                error(ix.span(), "arity", "a histogram takes one index (the bucket number)");
            }
            for (Expr k : ix.indices()) {
                expr(k, Type.LONG, sc);
            }
            return expect(ix, want, Type.LONG);
        }
        if (!(ix.base() instanceof Ident id)) {
            error(ix.span(), "not-array", "only global arrays and histograms can be indexed");
            return want;
        }
        Sym s = resolve(id, sc);
        ti.arity(s, ix.indices().size(), ix.span());
        keys(s, ix.indices(), sc, wildcards);
        if (!lvalue) {
            s.read = true;
        }
        Type t = ti.use(s, want, ix.span());
        if (t == Type.STATS && !want.known() && !lvalue) {
            error(ix.span(), "stats-value", "statistics " + s.describe() + " cannot be used as a value",
                    "read it with @count, @sum, @min, @max, @avg or @variance");
        }
        return t;
    }

    /** Types the index expressions of an array access against the array's key types. */
    void keys(Sym s, List<Expr> keys, Scope sc, boolean wildcards) {
        for (int i = 0; i < keys.size(); i++) {
            Expr k = keys.get(i);
            if (k instanceof Wildcard && wildcards) {
                continue;
            }
            Type want = i < s.keys.length ? s.keys[i] : Type.UNKNOWN;
            Type kt = expr(k, want, sc);
            if (kt == Type.STATS || kt == Type.HIST || kt == Type.VOID) {
                error(k.span(), "bad-index", "an array index must be a long or a string, not " + kt);
            } else if (s.kind == Sym.Kind.GLOBAL) {
                ti.setKey(s, i, kt, k.span());
            }
        }
    }

    boolean requireGlobal(Sym s, Span at, String what) {
        if (s.kind == Sym.Kind.GLOBAL) {
            return true;
        }
        error(at, "local-array", what + " needs a global array, but '" + s.name + "' is a local variable",
                "add 'global " + s.name + "' at the top level");
        s.quiet = true;
        return false;
    }

    /**
     * The target of an assignment, increment or {@code <<<}. Read-modify-writes ({@code x++}, {@code x += n})
     * count as writes only: a global that is only counted up is "written but never read", which stap prints
     * at the end.
     */
    Type lvalue(Expr target, Type want, Scope sc) {
        Type t;
        if (target instanceof Ident id) {
            Sym s = resolve(id, sc);
            s.written = true;
            ti.arity(s, 0, id.span());
            t = ti.use(s, want, id.span());
        } else if (target instanceof Index ix && ix.base() instanceof Ident) {
            Sym s = resolve((Ident) ix.base(), sc);
            s.written = true;
            t = index(ix, want, sc, true, false);
        } else if (target instanceof TargetVar || target instanceof Cast || target instanceof AtVar) {
            error(target.span(), "context-write",
                    "writing to context variables is not allowed: jstap scripts only read kernel and user memory");
            return want;
        } else {
            error(target.span(), "lvalue", "expected a variable or array element to assign to");
            return expr(target, want, sc);
        }
        if (ti.report) {
            ti.types.put(target, t);
        }
        return t;
    }

    private Type assign(Assign a, Type want, Scope sc) {
        switch (a.op()) {
            case ASSIGN: {
                Type tt = lvalue(a.target(), Type.UNKNOWN, sc);
                if (tt == Type.STATS) {
                    error(a.span(), "stats-assign", "cannot assign to statistics '" + describe(a.target())
                            + "'; add values with <<<");
                    expr(a.value(), Type.LONG, sc);
                    return Type.LONG;
                }
                Sym target = targetSym(a.target());
                if (tt.known() && target != null) {
                    noteNode = a.value();
                    noteText = ti.inferredNote(target);
                }
                Type vt = expr(a.value(), tt, sc);
                noteNode = null;
                if (!tt.known() && vt.known()) {
                    tt = lvalue(a.target(), vt, sc);
                }
                if (vt == Type.VOID || vt == Type.HIST || vt == Type.STATS) {
                    return Type.UNKNOWN;
                }
                return expect(a, want, tt.known() ? tt : vt);
            }
            case CONCAT:
                lvalue(a.target(), Type.STRING, sc);
                expr(a.value(), Type.STRING, sc);
                return expect(a, want, Type.STRING);
            case STATS_ADD:
                if (a.target() instanceof Ident || a.target() instanceof Index) {
                    lvalue(a.target(), Type.STATS, sc);
                } else {
                    error(a.target().span(), "lvalue", "<<< needs a statistics variable or array element");
                }
                expr(a.value(), Type.LONG, sc);
                return expect(a, want, Type.LONG);
            default:
                lvalue(a.target(), Type.LONG, sc);
                expr(a.value(), Type.LONG, sc);
                return expect(a, want, Type.LONG);
        }
    }

    private Type binary(Binary b, Type want, Scope sc) {
        Ops.BinOp op = b.op();
        if (op.isComparison()) {
            Type lt = expr(b.left(), Type.UNKNOWN, sc);
            Type rt = expr(b.right(), lt, sc);
            if (!lt.known() && rt.known()) {
                expr(b.left(), rt, sc);
            }
            return expect(b, want, Type.LONG);
        }
        if (op == Ops.BinOp.CONCAT) {
            expr(b.left(), Type.STRING, sc);
            expr(b.right(), Type.STRING, sc);
            return expect(b, want, Type.STRING);
        }
        if (op == Ops.BinOp.MATCH || op == Ops.BinOp.NOMATCH) {
            expr(b.left(), Type.STRING, sc);
            if (!(b.right() instanceof StringLit)) {
                error(b.right().span(), "regex", "the right side of " + op.symbol
                        + " must be a literal string (a regular expression)");
            }
            expr(b.right(), Type.STRING, sc);
            return expect(b, want, Type.LONG);
        }
        expr(b.left(), Type.LONG, sc);
        expr(b.right(), Type.LONG, sc);
        return expect(b, want, Type.LONG);
    }

    // ---- statistics, context ----

    /** The operand of @count and friends, @hist_*: a statistics variable or array element. */
    void stats(Expr operand, String what, Scope sc) {
        if (operand instanceof Ident id) {
            Sym s = resolve(id, sc);
            s.read = true;
            ti.arity(s, 0, id.span());
            ti.use(s, Type.STATS, id.span());
            if (ti.report) {
                ti.types.put(operand, s.type);
            }
        } else if (operand instanceof Index ix && ix.base() instanceof Ident) {
            index(ix, Type.STATS, sc, false, false);
        } else {
            error(operand.span(), "stats-operand", what + " needs a statistics variable or array element");
            expr(operand, Type.UNKNOWN, sc);
        }
    }

    private Type hist(Hist h, Scope sc, boolean allowed) {
        stats(h.operand(), h.kind().symbol, sc);
        if (h.kind() == Ops.HistKind.LINEAR) {
            long[] v = new long[3];
            boolean literal = h.params().size() == 3;
            for (int i = 0; i < h.params().size(); i++) {
                Expr p = h.params().get(i);
                expr(p, Type.LONG, sc);
                Long c = constant(p);
                literal &= c != null;
                if (c != null && i < 3) {
                    v[i] = c;
                }
            }
            if (!literal) {
                error(h.span(), "hist-params", "@hist_linear needs three literal numbers: low, high and step");
            } else if (v[2] <= 0 || v[0] >= v[1]) {
                error(h.span(), "hist-params", "@hist_linear needs low < high and a positive step");
            }
        }
        if (!allowed) {
            error(h.span(), "hist-use", h.kind().symbol + " can only be printed or indexed");
        }
        return Type.HIST;
    }

    static Long constant(Expr e) {
        if (e instanceof LongLit l) {
            return l.value();
        }
        if (e instanceof Unary u && u.op() == Ops.UnOp.NEG && u.operand() instanceof LongLit l) {
            return -l.value();
        }
        return null;
    }

    // ---- helpers ----

    /** A mismatch check that, for the value of an assignment, says where the target's type came from. */
    Type expect(Expr e, Type want, Type got) {
        return ti.expect(e.span(), want, got, e == noteNode ? noteText : null);
    }

    private Sym targetSym(Expr target) {
        if (target instanceof Ident id) {
            return ti.idents.get(id);
        }
        if (target instanceof Index ix && ix.base() instanceof Ident id) {
            return ti.idents.get(id);
        }
        return null;
    }

    void error(Span at, String code, String message, String... notes) {
        if (ti.report) {
            ti.rep.error(code, message, at, notes);
        }
    }

    static String describe(Expr e) {
        if (e instanceof Ident id) {
            return id.name();
        }
        if (e instanceof Index ix && ix.base() instanceof Ident id) {
            return id.name() + "[...]";
        }
        if (e instanceof TargetVar tv) {
            return tv.name();
        }
        return "expression";
    }
}
