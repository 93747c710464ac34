package io.jstap.compiler.ast;

import io.jstap.compiler.ast.Expr.*;
import io.jstap.compiler.ast.Stmt.*;

/**
 * A visitor that walks the whole tree and returns null. Passes extend it and override only the nodes they
 * care about, calling {@code super} to keep walking.
 */
public class AstScanner implements ExprVisitor<Void>, StmtVisitor<Void> {

    public void scan(Expr e) {
        if (e != null) {
            e.accept(this);
        }
    }

    public void scan(Stmt s) {
        if (s != null) {
            s.accept(this);
        }
    }

    public void scan(Decl d) {
        if (d instanceof Decl.Global g) {
            for (Decl.GlobalVar v : g.vars()) {
                scan(v.init());
            }
        } else if (d instanceof Decl.Probe p) {
            for (ProbePoint pp : p.points()) {
                scan(pp.condition());
            }
            scan(p.body());
        } else if (d instanceof Decl.ProbeAlias a) {
            scan(a.body());
        } else if (d instanceof Decl.Function f) {
            scan(f.body());
        }
    }

    public void scan(Script script) {
        for (Decl d : script.decls()) {
            scan(d);
        }
    }

    private void scanAll(java.util.List<? extends Expr> es) {
        for (Expr e : es) {
            scan(e);
        }
    }

    private void scanPath(java.util.List<Member> path) {
        for (Member m : path) {
            scan(m.index());
        }
    }

    @Override public Void visitLong(LongLit e) { return null; }
    @Override public Void visitString(StringLit e) { return null; }
    @Override public Void visitIdent(Ident e) { return null; }
    @Override public Void visitScriptArg(ScriptArg e) { return null; }
    @Override public Void visitTargetVar(TargetVar e) { scanPath(e.path()); return null; }
    @Override public Void visitCast(Cast e) { scan(e.operand()); scanPath(e.path()); return null; }
    @Override public Void visitAtVar(AtVar e) { scanPath(e.path()); return null; }
    @Override public Void visitIndex(Index e) { scan(e.base()); scanAll(e.indices()); return null; }
    @Override public Void visitWildcard(Wildcard e) { return null; }
    @Override public Void visitBinary(Binary e) { scan(e.left()); scan(e.right()); return null; }
    @Override public Void visitUnary(Unary e) { scan(e.operand()); return null; }
    @Override public Void visitIncDec(IncDec e) { scan(e.target()); return null; }
    @Override public Void visitAssign(Assign e) { scan(e.target()); scan(e.value()); return null; }
    @Override public Void visitTernary(Ternary e) { scan(e.cond()); scan(e.then()); scan(e.otherwise()); return null; }
    @Override public Void visitIn(In e) { scanAll(e.keys()); scan(e.array()); return null; }
    @Override public Void visitCall(Call e) { scanAll(e.args()); return null; }
    @Override public Void visitStatsOp(StatsOp e) { scan(e.operand()); return null; }
    @Override public Void visitHist(Hist e) { scan(e.operand()); scanAll(e.params()); return null; }
    @Override public Void visitEntry(Entry e) { scan(e.operand()); return null; }
    @Override public Void visitDefined(Defined e) { scan(e.operand()); return null; }

    @Override public Void visitBlock(Block s) { for (Stmt st : s.stmts()) { scan(st); } return null; }
    @Override public Void visitEmpty(Empty s) { return null; }
    @Override public Void visitExprStmt(ExprStmt s) { scan(s.expr()); return null; }
    @Override public Void visitIf(If s) { scan(s.cond()); scan(s.then()); scan(s.otherwise()); return null; }
    @Override public Void visitWhile(While s) { scan(s.cond()); scan(s.body()); return null; }
    @Override public Void visitFor(For s) { scan(s.init()); scan(s.cond()); scan(s.update()); scan(s.body()); return null; }
    @Override public Void visitForeach(Foreach s) {
        scan(s.array());
        if (s.slice() != null) {
            scanAll(s.slice());
        }
        scan(s.limit());
        scan(s.body());
        return null;
    }
    @Override public Void visitNext(Next s) { return null; }
    @Override public Void visitBreak(Break s) { return null; }
    @Override public Void visitContinue(Continue s) { return null; }
    @Override public Void visitReturn(Return s) { scan(s.value()); return null; }
    @Override public Void visitDelete(Delete s) { scan(s.target()); return null; }
    @Override public Void visitTry(Try s) { scan(s.body()); scan(s.handler()); return null; }
}
