package io.jstap.compiler.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Pre-order traversal of statements and expressions. Analyses override {@link #enter(Stmt)}
 * and {@link #enter(Expr)}; returning false skips the node's children.
 */
public class IrWalker {

    /** Called before a statement's children; false skips them. */
    protected boolean enter(Stmt s) {
        return true;
    }

    /** Called before an expression's children; false skips them. */
    protected boolean enter(Expr e) {
        return true;
    }

    public final void walk(Stmt s) {
        if (s == null || !enter(s)) {
            return;
        }
        for (Object child : children(s)) {
            if (child instanceof Stmt c) {
                walk(c);
            } else if (child instanceof Expr c) {
                walk(c);
            }
        }
    }

    public final void walk(Expr e) {
        if (e == null || !enter(e)) {
            return;
        }
        for (Expr c : children(e)) {
            walk(c);
        }
    }

    /** Direct sub-statements and sub-expressions of a statement, in evaluation order. */
    public static List<Object> children(Stmt s) {
        List<Object> out = new ArrayList<>();
        if (s instanceof Stmt.Block b) {
            out.addAll(b.stmts());
        } else if (s instanceof Stmt.ExprStmt x) {
            out.add(x.expr());
        } else if (s instanceof Stmt.If i) {
            out.add(i.cond());
            out.add(i.then());
            addIfPresent(out, i.otherwise());
        } else if (s instanceof Stmt.While w) {
            out.add(w.cond());
            out.add(w.body());
        } else if (s instanceof Stmt.For f) {
            addIfPresent(out, f.init());
            addIfPresent(out, f.cond());
            out.add(f.body());
            addIfPresent(out, f.step());
        } else if (s instanceof Stmt.Foreach f) {
            out.addAll(f.slice());
            addIfPresent(out, f.limit());
            out.add(f.body());
        } else if (s instanceof Stmt.Return r) {
            addIfPresent(out, r.value());
        } else if (s instanceof Stmt.DeleteElement d) {
            out.addAll(d.keys());
        } else if (s instanceof Stmt.TryCatch t) {
            out.add(t.body());
            out.add(t.handler());
        }
        return out;
    }

    /** Direct sub-expressions, in evaluation order. */
    public static List<Expr> children(Expr e) {
        if (e instanceof Expr.GlobalElem g) {
            return g.keys();
        } else if (e instanceof Expr.InArray i) {
            return i.keys();
        } else if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Expr.Compare c) {
            return List.of(c.left(), c.right());
        } else if (e instanceof Expr.Unary u) {
            return List.of(u.operand());
        } else if (e instanceof Expr.Concat c) {
            return List.of(c.left(), c.right());
        } else if (e instanceof Expr.Logical l) {
            return List.of(l.left(), l.right());
        } else if (e instanceof Expr.Ternary t) {
            return List.of(t.cond(), t.ifTrue(), t.ifFalse());
        } else if (e instanceof Expr.IncDec i) {
            return List.of(i.target());
        } else if (e instanceof Expr.Assign a) {
            return List.of(a.target(), a.value());
        } else if (e instanceof Expr.StatsAdd a) {
            return List.of(a.target(), a.value());
        } else if (e instanceof Expr.Call c) {
            return c.args();
        } else if (e instanceof Expr.BuiltinCall c) {
            return c.args();
        } else if (e instanceof Expr.Format f) {
            return f.args();
        } else if (e instanceof Expr.StatsOp s) {
            return List.of(s.source());
        } else if (e instanceof Expr.Hist h) {
            return List.of(h.source());
        } else if (e instanceof Expr.HistBucket h) {
            return List.of(h.hist(), h.index());
        }
        return List.of();
    }

    private static void addIfPresent(List<Object> out, Object o) {
        if (o != null) {
            out.add(o);
        }
    }
}
