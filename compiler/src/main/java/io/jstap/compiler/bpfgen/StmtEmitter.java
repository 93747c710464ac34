package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrPrinter;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.IrWalker;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.ir.StmtVisitor;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Statements, each charged against MAXACTION exactly where the interpreter charges it (every
 * statement but a block, plus one per loop test), so both back ends fail at the same action.
 * Loops are ordinary back edges: the action counter, a constant to the verifier, bounds them.
 */
final class StmtEmitter implements StmtVisitor<Void> {

    private record Loop(Label breakTo, Label continueTo) {
    }

    private final Gen g;
    private final Assembler asm;
    private Deque<Loop> loops = new ArrayDeque<>();

    StmtEmitter(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    void stmt(Stmt s) {
        g.at(s.loc());
        if (!(s instanceof Stmt.Block)) {
            String text = IrPrinter.print(s);
            int nl = text.indexOf('\n');
            asm.sourceLine(s.loc() + ": " + (nl >= 0 ? text.substring(0, nl) : text).trim());
        }
        int temps = g.temps.liveCount();
        s.accept(this);
        if (g.temps.liveCount() != temps) {
            throw new IllegalStateException("temps leaked by " + s + " at " + s.loc());
        }
    }

    /** The body of an inlined function: its loops are its own. */
    void functionBody(Stmt body) {
        Deque<Loop> outer = loops;
        loops = new ArrayDeque<>();
        stmt(body);
        loops = outer;
    }

    private void charge(Stmt s) {
        g.actions.charge(s);
    }

    @Override
    public Void visitBlock(Stmt.Block s) {
        s.stmts().forEach(this::stmt);
        return null;
    }

    @Override
    public Void visitExprStmt(Stmt.ExprStmt s) {
        charge(s);
        g.longs.discard(s.expr());
        return null;
    }

    @Override
    public Void visitIf(Stmt.If s) {
        charge(s);
        int region = g.actions.enterRegion();
        Label otherwise = asm.newLabel("else");
        g.conds.branchFalse(s.cond(), otherwise);
        stmt(s.then());
        if (s.otherwise() == null) {
            asm.bind(otherwise);
        } else {
            Label end = asm.newLabel("endif");
            asm.ja(end).bind(otherwise);
            stmt(s.otherwise());
            asm.bind(end);
        }
        g.actions.exitRegion(region);
        return null;
    }

    @Override
    public Void visitWhile(Stmt.While s) {
        charge(s);
        Label head = asm.newLabel("while");
        Label end = asm.newLabel("wend");
        int entry = g.actions.enterLoop(-1);
        asm.bind(head);
        charge(s);
        g.actions.iterate(s);
        g.conds.branchFalse(s.cond(), end);
        loop(s.body(), end, head);
        asm.ja(head).bind(end);
        g.actions.exitLoop(entry);
        return null;
    }

    @Override
    public Void visitFor(Stmt.For s) {
        if (s.init() != null) {
            g.longs.discard(s.init());
        }
        charge(s);
        Label head = asm.newLabel("for");
        Label step = asm.newLabel("fstep");
        Label end = asm.newLabel("fend");
        int entry = g.actions.enterLoop(countedLoopVariable(s));
        asm.bind(head);
        charge(s);
        g.actions.iterate(s);
        if (s.cond() != null) {
            g.conds.branchFalse(s.cond(), end);
        }
        loop(s.body(), end, step);
        asm.bind(step);
        if (s.step() != null) {
            g.longs.discard(s.step());
        }
        asm.ja(head).bind(end);
        g.actions.exitLoop(entry);
        return null;
    }

    /**
     * The home of a counted for-loop's variable, else -1: {@code for (v = A; v < B; v++)} (or
     * {@code <=}, or {@code >}/{@code >=} with {@code v--}) with constants A and B and v assigned
     * nowhere else. Such a loop ends by itself for the verifier.
     */
    private int countedLoopVariable(Stmt.For s) {
        if (!(s.init() instanceof Expr.Assign init) || init.op() != io.jstap.compiler.ir.Ops.AssignOp.SET
                || !(init.target() instanceof Expr.Local l) || !(init.value() instanceof Expr.LongLit)
                || l.type() != IrType.LONG) {
            return -1;
        }
        LocalVar v = l.var();
        if (!(s.step() instanceof Expr.IncDec step) || !(step.target() instanceof Expr.Local sl)
                || !sl.var().equals(v) || !(s.cond() instanceof Expr.Compare c)
                || !(c.left() instanceof Expr.Local cl) || !cl.var().equals(v) || !(c.right() instanceof Expr.LongLit)) {
            return -1;
        }
        boolean up = c.op() == CmpOp.LT || c.op() == CmpOp.LE;
        boolean down = c.op() == CmpOp.GT || c.op() == CmpOp.GE;
        if (!(step.increment() ? up : down)) {
            return -1;
        }
        boolean[] assigned = {false};
        new IrWalker() {
            @Override
            protected boolean enter(Stmt x) {
                if (x instanceof Stmt.DeleteLocal d && d.var().equals(v)) {
                    assigned[0] = true;
                }
                return !assigned[0];
            }

            @Override
            protected boolean enter(Expr x) {
                Expr.LValue t = x instanceof Expr.Assign a ? a.target() : x instanceof Expr.IncDec i ? i.target() : null;
                if (t instanceof Expr.Local tl && tl.var().equals(v)) {
                    assigned[0] = true;
                }
                return !assigned[0];
            }
        }.walk(s.body());
        return assigned[0] ? -1 : g.frame.home(v);
    }

    private void loop(Stmt body, Label breakTo, Label continueTo) {
        loops.push(new Loop(breakTo, continueTo));
        stmt(body);
        loops.pop();
    }

    @Override
    public Void visitForeach(Stmt.Foreach s) {
        throw new CodegenException("foreach is not supported in kernel probes; iterate in an end or timer probe",
                s.loc());
    }

    @Override
    public Void visitBreak(Stmt.Break s) {
        charge(s);
        asm.ja(innermost(s).breakTo());
        return null;
    }

    @Override
    public Void visitContinue(Stmt.Continue s) {
        charge(s);
        asm.ja(innermost(s).continueTo());
        return null;
    }

    private Loop innermost(Stmt s) {
        Loop l = loops.peek();
        if (l == null) {
            throw new IllegalStateException(s + " outside a loop at " + s.loc());
        }
        return l;
    }

    @Override
    public Void visitNext(Stmt.Next s) {
        charge(s);
        Inliner.Context fn = g.calls.current();
        asm.ja(fn == null ? g.exit : fn.next());
        return null;
    }

    @Override
    public Void visitReturn(Stmt.Return s) {
        charge(s);
        Inliner.Context fn = g.calls.current();
        if (s.value() != null) {
            if (fn == null || !fn.hasResult()) {
                g.longs.discard(s.value());
            } else if (s.value().type() == IrType.STRING) {
                g.strings.into(s.value(), fn.resultHome());
            } else {
                LongVal v = g.longs.eval(s.value());
                asm.stx(Size.DW, Reg.R10, fn.resultHome(), g.load(v, Reg.R1));
                g.release(v);
            }
        }
        asm.ja(fn == null ? g.exit : fn.end());
        return null;
    }

    @Override
    public Void visitDeleteElement(Stmt.DeleteElement s) {
        charge(s);
        g.globals.delete(s);
        return null;
    }

    @Override
    public Void visitDeleteGlobal(Stmt.DeleteGlobal s) {
        charge(s);
        g.globals.deleteGlobal(s);
        return null;
    }

    @Override
    public Void visitDeleteLocal(Stmt.DeleteLocal s) {
        charge(s);
        g.zeroLocal(s.var(), g.frame.home(s.var()));
        return null;
    }

    @Override
    public Void visitTryCatch(Stmt.TryCatch s) {
        charge(s);
        int region = g.actions.enterRegion();
        Label handler = asm.newLabel("catch");
        Label end = asm.newLabel("end_try");
        int messageHome = s.messageVar() == null ? -1 : g.frame.home(s.messageVar());
        g.errors.pushHandler(s, messageHome, handler);
        stmt(s.body());
        g.errors.popHandler();
        asm.ja(end).bind(handler);
        g.actions.join(region); // entered from every error site in the body
        g.actions.widenLocals();
        stmt(s.handler());
        asm.bind(end);
        g.actions.exitRegion(region);
        g.actions.widenLocals();
        return null;
    }
}
