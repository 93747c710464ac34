package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Expr.*;
import io.jstap.compiler.ast.ExprVisitor;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.ast.Stmt.*;
import io.jstap.compiler.ast.StmtVisitor;
import io.jstap.compiler.diag.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A deep copy of statements and expressions. Every elaborated body is a fresh tree, so a node belongs to
 * exactly one resolved probe or function and can key identity maps (types, referents). Subclasses rewrite
 * spans or fold nodes by overriding visit methods.
 */
public class AstCopier implements ExprVisitor<Expr>, StmtVisitor<Stmt> {

    /** The span a copied node gets; the identity by default. */
    protected Span span(Span s) {
        return s;
    }

    public Expr copy(Expr e) {
        return e == null ? null : e.accept(this);
    }

    public Stmt copy(Stmt s) {
        return s == null ? null : s.accept(this);
    }

    public Block copyBlock(Block b) {
        return b == null ? null : (Block) b.accept(this);
    }

    protected List<Expr> copyAll(List<Expr> es) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) {
            out.add(copy(e));
        }
        return out;
    }

    protected List<Member> copyPath(List<Member> path) {
        List<Member> out = new ArrayList<>(path.size());
        for (Member m : path) {
            out.add(new Member(span(m.span()), m.field(), copy(m.index())));
        }
        return out;
    }

    @Override public Expr visitLong(LongLit e) { return new LongLit(span(e.span()), e.value()); }
    @Override public Expr visitString(StringLit e) { return new StringLit(span(e.span()), e.value()); }
    @Override public Expr visitIdent(Ident e) { return new Ident(span(e.span()), e.name()); }
    @Override public Expr visitScriptArg(ScriptArg e) { return new ScriptArg(span(e.span()), e.index(), e.asString()); }
    @Override public Expr visitTargetVar(TargetVar e) {
        return new TargetVar(span(e.span()), e.name(), copyPath(e.path()), e.pretty());
    }
    @Override public Expr visitCast(Cast e) {
        return new Cast(span(e.span()), copy(e.operand()), e.type(), e.module(), copyPath(e.path()), e.pretty());
    }
    @Override public Expr visitAtVar(AtVar e) {
        return new AtVar(span(e.span()), e.name(), e.module(), copyPath(e.path()), e.pretty());
    }
    @Override public Expr visitIndex(Index e) { return new Index(span(e.span()), copy(e.base()), copyAll(e.indices())); }
    @Override public Expr visitWildcard(Wildcard e) { return new Wildcard(span(e.span())); }
    @Override public Expr visitBinary(Binary e) {
        return new Binary(span(e.span()), e.op(), copy(e.left()), copy(e.right()));
    }
    @Override public Expr visitUnary(Unary e) { return new Unary(span(e.span()), e.op(), copy(e.operand())); }
    @Override public Expr visitIncDec(IncDec e) {
        return new IncDec(span(e.span()), copy(e.target()), e.increment(), e.prefix());
    }
    @Override public Expr visitAssign(Assign e) {
        return new Assign(span(e.span()), e.op(), copy(e.target()), copy(e.value()));
    }
    @Override public Expr visitTernary(Ternary e) {
        return new Ternary(span(e.span()), copy(e.cond()), copy(e.then()), copy(e.otherwise()));
    }
    @Override public Expr visitIn(In e) { return new In(span(e.span()), copyAll(e.keys()), (Ident) copy(e.array())); }
    @Override public Expr visitCall(Call e) { return new Call(span(e.span()), e.name(), copyAll(e.args())); }
    @Override public Expr visitStatsOp(StatsOp e) { return new StatsOp(span(e.span()), e.fn(), copy(e.operand())); }
    @Override public Expr visitHist(Hist e) {
        return new Hist(span(e.span()), e.kind(), copy(e.operand()), copyAll(e.params()));
    }
    @Override public Expr visitEntry(Entry e) { return new Entry(span(e.span()), copy(e.operand())); }
    @Override public Expr visitDefined(Defined e) { return new Defined(span(e.span()), copy(e.operand())); }

    @Override public Stmt visitBlock(Block s) {
        List<Stmt> out = new ArrayList<>(s.stmts().size());
        for (Stmt st : s.stmts()) {
            out.add(copy(st));
        }
        return new Block(span(s.span()), out);
    }
    @Override public Stmt visitEmpty(Empty s) { return new Empty(span(s.span())); }
    @Override public Stmt visitExprStmt(ExprStmt s) { return new ExprStmt(span(s.span()), copy(s.expr())); }
    @Override public Stmt visitIf(If s) { return new If(span(s.span()), copy(s.cond()), copy(s.then()), copy(s.otherwise())); }
    @Override public Stmt visitWhile(While s) { return new While(span(s.span()), copy(s.cond()), copy(s.body())); }
    @Override public Stmt visitFor(For s) {
        return new For(span(s.span()), copy(s.init()), copy(s.cond()), copy(s.update()), copy(s.body()));
    }
    @Override public Stmt visitForeach(Foreach s) {
        List<ForeachKey> keys = new ArrayList<>(s.keys().size());
        for (ForeachKey k : s.keys()) {
            keys.add(new ForeachKey(span(k.span()), k.name(), k.sort()));
        }
        return new Foreach(span(s.span()), s.valueVar(), keys, s.bracketed(), (Ident) copy(s.array()),
                s.slice() == null ? null : copyAll(s.slice()), s.valueSort(), copy(s.limit()), copy(s.body()));
    }
    @Override public Stmt visitNext(Next s) { return new Next(span(s.span())); }
    @Override public Stmt visitBreak(Break s) { return new Break(span(s.span())); }
    @Override public Stmt visitContinue(Continue s) { return new Continue(span(s.span())); }
    @Override public Stmt visitReturn(Return s) { return new Return(span(s.span()), copy(s.value())); }
    @Override public Stmt visitDelete(Delete s) { return new Delete(span(s.span()), copy(s.target())); }
    @Override public Stmt visitTry(Try s) {
        return new Try(span(s.span()), copyBlock(s.body()), s.catchVar(), copyBlock(s.handler()));
    }
}
