package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.IrPrinter;
import io.jstap.compiler.ir.IrType;
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
        g.errors.charge(s);
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
        return null;
    }

    @Override
    public Void visitWhile(Stmt.While s) {
        charge(s);
        Label head = asm.newLabel("while");
        Label end = asm.newLabel("wend");
        asm.bind(head);
        charge(s);
        g.conds.branchFalse(s.cond(), end);
        loop(s.body(), end, head);
        asm.ja(head).bind(end);
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
        asm.bind(head);
        charge(s);
        if (s.cond() != null) {
            g.conds.branchFalse(s.cond(), end);
        }
        loop(s.body(), end, step);
        asm.bind(step);
        if (s.step() != null) {
            g.longs.discard(s.step());
        }
        asm.ja(head).bind(end);
        return null;
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
        Label handler = asm.newLabel("catch");
        Label end = asm.newLabel("end_try");
        int messageHome = s.messageVar() == null ? -1 : g.frame.home(s.messageVar());
        g.errors.pushHandler(s, messageHome, handler);
        stmt(s.body());
        g.errors.popHandler();
        asm.ja(end).bind(handler);
        stmt(s.handler());
        asm.bind(end);
        return null;
    }
}
