package io.jstap.compiler.lower;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds an IR tree bottom-up, letting a subclass replace leaf expressions (context reads, variables,
 * literals). Lvalues are rebuilt as lvalues; a replacement must keep the leaf's type.
 */
abstract class IrRewriter {

    /** A replacement for a leaf expression, or the leaf itself. */
    protected abstract Expr rewriteLeaf(Expr e);

    Stmt rewrite(Stmt s) {
        if (s == null) {
            return null;
        }
        if (s instanceof Stmt.Block b) {
            List<Stmt> out = new ArrayList<>();
            for (Stmt x : b.stmts()) {
                out.add(rewrite(x));
            }
            return new Stmt.Block(out, b.loc());
        }
        if (s instanceof Stmt.ExprStmt x) {
            return new Stmt.ExprStmt(rewrite(x.expr()), x.loc());
        }
        if (s instanceof Stmt.If i) {
            return new Stmt.If(rewrite(i.cond()), rewrite(i.then()), rewrite(i.otherwise()), i.loc());
        }
        if (s instanceof Stmt.While w) {
            return new Stmt.While(rewrite(w.cond()), rewrite(w.body()), w.loc());
        }
        if (s instanceof Stmt.For f) {
            return new Stmt.For(rewrite(f.init()), rewrite(f.cond()), rewrite(f.step()), rewrite(f.body()), f.loc());
        }
        if (s instanceof Stmt.Foreach f) {
            return new Stmt.Foreach(f.global(), f.keyVars(), f.valueVar(), all(f.slice()), f.sort(),
                    rewrite(f.limit()), rewrite(f.body()), f.loc());
        }
        if (s instanceof Stmt.Return r) {
            return new Stmt.Return(rewrite(r.value()), r.loc());
        }
        if (s instanceof Stmt.DeleteElement d) {
            return new Stmt.DeleteElement(d.global(), all(d.keys()), d.loc());
        }
        if (s instanceof Stmt.TryCatch t) {
            return new Stmt.TryCatch(rewrite(t.body()), t.messageVar(), rewrite(t.handler()), t.loc());
        }
        return s; // Break, Continue, Next, DeleteGlobal, DeleteLocal have no expressions
    }

    private List<Expr> all(List<Expr> es) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) {
            out.add(rewrite(e));
        }
        return out;
    }

    private Expr.LValue lvalue(Expr.LValue e) {
        if (e instanceof Expr.GlobalElem g) {
            return new Expr.GlobalElem(g.name(), all(g.keys()), g.type(), g.loc());
        }
        return e;
    }

    Expr rewrite(Expr e) {
        if (e == null) {
            return null;
        }
        if (e instanceof Expr.GlobalElem g) {
            return lvalue(g);
        }
        if (e instanceof Expr.InArray x) {
            return new Expr.InArray(x.global(), all(x.keys()), x.loc());
        }
        if (e instanceof Expr.Binary x) {
            return new Expr.Binary(x.op(), rewrite(x.left()), rewrite(x.right()), x.loc());
        }
        if (e instanceof Expr.Compare x) {
            return new Expr.Compare(x.op(), rewrite(x.left()), rewrite(x.right()), x.loc());
        }
        if (e instanceof Expr.Unary x) {
            return new Expr.Unary(x.op(), rewrite(x.operand()), x.loc());
        }
        if (e instanceof Expr.Concat x) {
            return new Expr.Concat(rewrite(x.left()), rewrite(x.right()), x.loc());
        }
        if (e instanceof Expr.Logical x) {
            return new Expr.Logical(x.and(), rewrite(x.left()), rewrite(x.right()), x.loc());
        }
        if (e instanceof Expr.Ternary x) {
            return new Expr.Ternary(rewrite(x.cond()), rewrite(x.ifTrue()), rewrite(x.ifFalse()), x.loc());
        }
        if (e instanceof Expr.IncDec x) {
            return new Expr.IncDec(lvalue(x.target()), x.increment(), x.prefix(), x.loc());
        }
        if (e instanceof Expr.Assign x) {
            return new Expr.Assign(lvalue(x.target()), x.op(), rewrite(x.value()), x.loc());
        }
        if (e instanceof Expr.StatsAdd x) {
            return new Expr.StatsAdd(lvalue(x.target()), rewrite(x.value()), x.loc());
        }
        if (e instanceof Expr.Call x) {
            return new Expr.Call(x.targets(), all(x.args()), x.type(), x.loc());
        }
        if (e instanceof Expr.BuiltinCall x) {
            return new Expr.BuiltinCall(x.name(), all(x.args()), x.type(), x.loc());
        }
        if (e instanceof Expr.Format x) {
            return new Expr.Format(x.kind(), x.format(), all(x.args()), x.loc());
        }
        if (e instanceof Expr.StatsOp x) {
            return new Expr.StatsOp(x.agg(), rewrite(x.source()), x.loc());
        }
        if (e instanceof Expr.Hist x) {
            return new Expr.Hist(x.spec(), rewrite(x.source()), x.loc());
        }
        if (e instanceof Expr.HistBucket x) {
            return new Expr.HistBucket((Expr.Hist) rewrite(x.hist()), rewrite(x.index()), x.loc());
        }
        return rewriteLeaf(e);
    }
}
