package io.jstap.compiler.lower;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.ast.StmtVisitor;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.SortSpec;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.sema.GlobalSymbol;
import io.jstap.compiler.sema.LocalSymbol;
import io.jstap.compiler.sema.Program;
import io.jstap.compiler.sema.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** AST statements of one elaborated body to IR statements. Empty statements disappear. */
final class StmtLowering implements StmtVisitor<io.jstap.compiler.ir.Stmt> {
    private final Program program;
    private final Frame frame;
    private final ExprLowering exprs;
    /** Locals assigned by alias prologues that nothing reads: their assignments are dropped. */
    private final Set<String> deadLocals;

    StmtLowering(Program program, Frame frame, ExprLowering exprs, Set<String> deadLocals) {
        this.program = program;
        this.frame = frame;
        this.exprs = exprs;
        this.deadLocals = deadLocals;
    }

    io.jstap.compiler.ir.Stmt lower(Stmt s) {
        return s == null ? null : s.accept(this);
    }

    /** A statement where one is required: an empty one becomes an empty block. */
    private io.jstap.compiler.ir.Stmt required(Stmt s) {
        io.jstap.compiler.ir.Stmt out = lower(s);
        return out != null ? out : new io.jstap.compiler.ir.Stmt.Block(List.of(), Locs.of(s));
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitBlock(Stmt.Block s) {
        List<io.jstap.compiler.ir.Stmt> out = new ArrayList<>();
        for (Stmt st : s.stmts()) {
            io.jstap.compiler.ir.Stmt x = lower(st);
            if (x instanceof io.jstap.compiler.ir.Stmt.Block b && b.stmts().isEmpty()) {
                continue;
            }
            if (x != null) {
                out.add(x);
            }
        }
        return new io.jstap.compiler.ir.Stmt.Block(out, Locs.of(s));
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitEmpty(Stmt.Empty s) {
        return null;
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitExprStmt(Stmt.ExprStmt s) {
        if (s.expr() instanceof Expr.Assign a && a.op() == Ops.AssignOp.ASSIGN
                && a.target() instanceof Expr.Ident id && deadLocals.contains(id.name())) {
            return null;
        }
        io.jstap.compiler.ir.Expr e = exprs.lower(s.expr());
        return new io.jstap.compiler.ir.Stmt.ExprStmt(e, e.loc());
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitIf(Stmt.If s) {
        return new io.jstap.compiler.ir.Stmt.If(exprs.lower(s.cond()), required(s.then()), lower(s.otherwise()),
                Locs.of(s));
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitWhile(Stmt.While s) {
        return new io.jstap.compiler.ir.Stmt.While(exprs.lower(s.cond()), required(s.body()), Locs.of(s));
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitFor(Stmt.For s) {
        return new io.jstap.compiler.ir.Stmt.For(exprs.lower(s.init()), exprs.lower(s.cond()),
                exprs.lower(s.update()), required(s.body()), Locs.of(s));
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitForeach(Stmt.Foreach s) {
        List<LocalVar> keys = new ArrayList<>();
        SortSpec sort = null;
        for (int i = 0; i < s.keys().size(); i++) {
            Stmt.ForeachKey k = s.keys().get(i);
            keys.add(frame.get(k.name(), k.span()));
            if (k.sort() != Ops.Sort.NONE && sort == null) {
                sort = SortSpec.byKey(i + 1, k.sort() == Ops.Sort.ASC);
            }
        }
        if (s.valueSort() != Ops.Sort.NONE && sort == null) {
            sort = SortSpec.byValue(s.valueSort() == Ops.Sort.ASC);
        }
        LocalVar value = s.valueVar() == null ? null : frame.get(s.valueVar(), s.span());
        List<io.jstap.compiler.ir.Expr> slice = s.slice() == null ? List.of() : exprs.lowerAll(s.slice());
        return new io.jstap.compiler.ir.Stmt.Foreach(s.array().name(), keys, value, slice, sort,
                exprs.lower(s.limit()), required(s.body()), Locs.of(s));
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitNext(Stmt.Next s) {
        return new io.jstap.compiler.ir.Stmt.Next(Locs.of(s));
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitBreak(Stmt.Break s) {
        return new io.jstap.compiler.ir.Stmt.Break(Locs.of(s));
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitContinue(Stmt.Continue s) {
        return new io.jstap.compiler.ir.Stmt.Continue(Locs.of(s));
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitReturn(Stmt.Return s) {
        return new io.jstap.compiler.ir.Stmt.Return(exprs.lower(s.value()), Locs.of(s));
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitDelete(Stmt.Delete s) {
        SrcLoc loc = Locs.of(s);
        if (s.target() instanceof Expr.Ident id) {
            Symbol sym = program.symbolOf(id);
            if (sym instanceof GlobalSymbol g) {
                return new io.jstap.compiler.ir.Stmt.DeleteGlobal(g.name(), loc);
            }
            if (sym instanceof LocalSymbol) {
                return new io.jstap.compiler.ir.Stmt.DeleteLocal(frame.get(id.name(), id.span()), loc);
            }
        }
        if (s.target() instanceof Expr.Index ix && ix.base() instanceof Expr.Ident id
                && program.symbolOf(id) instanceof GlobalSymbol g) {
            return new io.jstap.compiler.ir.Stmt.DeleteElement(g.name(), exprs.lowerAll(ix.indices()), loc);
        }
        throw new LoweringException("delete needs a variable, an array or an array element", s.target().span());
    }

    @Override
    public io.jstap.compiler.ir.Stmt visitTry(Stmt.Try s) {
        LocalVar msg = s.catchVar() == null ? null : frame.get(s.catchVar(), s.span());
        return new io.jstap.compiler.ir.Stmt.TryCatch(required(s.body()), msg, required(s.handler()), Locs.of(s));
    }
}
