package io.jstap.compiler.exec;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.ir.StmtVisitor;

import java.util.List;

/** Executes statements; each one (except a block) and each loop iteration costs one action. */
final class StmtExec implements StmtVisitor<Flow> {

    private final Execution x;

    StmtExec(Execution x) {
        this.x = x;
    }

    Flow run(Stmt s) {
        return s.accept(this);
    }

    private boolean cond(Expr e) {
        return x.eval.evalLong(e) != 0;
    }

    @Override
    public Flow visitBlock(Stmt.Block s) {
        for (Stmt st : s.stmts()) {
            Flow f = st.accept(this);
            if (f != Flow.NORMAL) {
                return f;
            }
        }
        return Flow.NORMAL;
    }

    @Override
    public Flow visitExprStmt(Stmt.ExprStmt s) {
        x.charge(s);
        x.eval.eval(s.expr());
        return Flow.NORMAL;
    }

    @Override
    public Flow visitIf(Stmt.If s) {
        x.charge(s);
        if (cond(s.cond())) {
            return s.then().accept(this);
        }
        return s.otherwise() == null ? Flow.NORMAL : s.otherwise().accept(this);
    }

    @Override
    public Flow visitWhile(Stmt.While s) {
        x.charge(s);
        while (true) {
            x.checkInterrupt();
            x.charge(s);
            if (!cond(s.cond())) {
                return Flow.NORMAL;
            }
            Flow f = s.body().accept(this);
            if (f == Flow.BREAK) {
                return Flow.NORMAL;
            }
            if (f == Flow.RETURN || f == Flow.NEXT) {
                return f;
            }
        }
    }

    @Override
    public Flow visitFor(Stmt.For s) {
        if (s.init() != null) {
            x.eval.eval(s.init());
        }
        x.charge(s);
        while (true) {
            x.checkInterrupt();
            x.charge(s);
            if (s.cond() != null && !cond(s.cond())) {
                return Flow.NORMAL;
            }
            Flow f = s.body().accept(this);
            if (f == Flow.BREAK) {
                return Flow.NORMAL;
            }
            if (f == Flow.RETURN || f == Flow.NEXT) {
                return f;
            }
            if (s.step() != null) {
                x.eval.eval(s.step());
            }
        }
    }

    @Override
    public Flow visitForeach(Stmt.Foreach s) {
        return x.foreach.run(s);
    }

    @Override
    public Flow visitBreak(Stmt.Break s) {
        x.charge(s);
        return Flow.BREAK;
    }

    @Override
    public Flow visitContinue(Stmt.Continue s) {
        x.charge(s);
        return Flow.CONTINUE;
    }

    @Override
    public Flow visitNext(Stmt.Next s) {
        x.charge(s);
        return Flow.NEXT;
    }

    @Override
    public Flow visitReturn(Stmt.Return s) {
        x.charge(s);
        if (s.value() != null) {
            x.frame.returnValue = x.eval.eval(s.value());
        }
        return Flow.RETURN;
    }

    @Override
    public Flow visitDeleteElement(Stmt.DeleteElement s) {
        x.charge(s);
        MapStore store = x.interp.store();
        List<Object> key = x.eval.keys(s.keys());
        if (!ExprEval.hasWildcard(key)) {
            store.delete(s.global(), key);
            return Flow.NORMAL;
        }
        for (MapStore.Entry en : store.entries(s.global())) {
            if (ExprEval.matches(key, en.key())) {
                store.delete(s.global(), en.key());
            }
        }
        return Flow.NORMAL;
    }

    @Override
    public Flow visitDeleteGlobal(Stmt.DeleteGlobal s) {
        x.charge(s);
        x.interp.store().clear(s.global());
        return Flow.NORMAL;
    }

    @Override
    public Flow visitDeleteLocal(Stmt.DeleteLocal s) {
        x.charge(s);
        x.frame.slots[s.var().slot()] = Frame.zero(s.var().type());
        return Flow.NORMAL;
    }

    @Override
    public Flow visitTryCatch(Stmt.TryCatch s) {
        x.charge(s);
        int depth = x.depth;
        Frame frame = x.frame;
        try {
            return s.body().accept(this);
        } catch (ProbeError err) {
            if (!err.catchable()) {
                throw err;
            }
            // unwind any function frames the error left behind
            x.depth = depth;
            x.frame = frame;
            if (s.messageVar() != null) {
                frame.slots[s.messageVar().slot()] = x.str(err.getMessage());
            }
            x.charge(s);
            return s.handler().accept(this);
        }
    }
}
