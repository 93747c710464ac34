package io.jstap.compiler.bpfgen;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrWalker;
import io.jstap.compiler.ir.Stmt;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decides whether a kernel probe must count actions at run time. Without loops (or recursion), no run
 * can charge more actions than the probe has statements, functions it calls included; when that bound
 * is below MAXACTION the counter is left out, which changes nothing the user can observe.
 */
final class ActionBudget {

    private final IrProgram ir;
    private final Deque<String> calling = new ArrayDeque<>();
    private long count;
    private boolean unbounded;

    private ActionBudget(IrProgram ir) {
        this.ir = ir;
    }

    static boolean needsCounter(Stmt body, IrProgram ir, long maxAction) {
        ActionBudget b = new ActionBudget(ir);
        b.walk(body);
        return b.unbounded || b.count >= maxAction;
    }

    private void walk(Stmt body) {
        new IrWalker() {
            @Override
            protected boolean enter(Stmt s) {
                if (s instanceof Stmt.While || s instanceof Stmt.For || s instanceof Stmt.Foreach) {
                    unbounded = true;
                } else if (s instanceof Stmt.TryCatch) {
                    count += 2; // entering the try, and entering its handler
                } else if (!(s instanceof Stmt.Block)) {
                    count++;
                }
                return !unbounded;
            }

            @Override
            protected boolean enter(Expr e) {
                if (e instanceof Expr.Call c) {
                    for (String target : c.targets()) {
                        if (calling.contains(target)) {
                            unbounded = true;
                            return false;
                        }
                        calling.push(target);
                        ir.function(target).ifPresent(f -> walk(f.body()));
                        calling.pop();
                    }
                }
                return !unbounded;
            }
        }.walk(body);
    }
}
