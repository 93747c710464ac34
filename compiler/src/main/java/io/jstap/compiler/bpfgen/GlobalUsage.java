package io.jstap.compiler.bpfgen;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrWalker;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Stmt;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How kernel code (the kernel probes and every function they call) uses each global. A global that
 * kernel code only ever adds to with a discarded result ({@code x[k]++}, {@code x += n} as a statement)
 * and otherwise at most tests or deletes elements of, can live in a per-CPU map: every CPU adds to its
 * own copy without atomics and the runtime sums the copies when it reads (DESIGN §4).
 */
final class GlobalUsage {

    private final IrProgram program;
    private final Set<String> touched = new HashSet<>();
    private final Set<String> read = new HashSet<>();
    private final Set<String> visitedFunctions = new HashSet<>();

    private GlobalUsage(IrProgram program) {
        this.program = program;
    }

    static GlobalUsage of(IrProgram program, List<Stmt> kernelBodies) {
        GlobalUsage u = new GlobalUsage(program);
        for (Stmt body : kernelBodies) {
            u.new Walker().walk(body);
        }
        return u;
    }

    /** True when kernel code only accumulates into the global (and it has been touched at all). */
    boolean accumulateOnly(String global) {
        return touched.contains(global) && !read.contains(global);
    }

    boolean usedInKernel(String global) {
        return touched.contains(global);
    }

    private final class Walker extends IrWalker {

        @Override
        protected boolean enter(Stmt s) {
            if (s instanceof Stmt.ExprStmt x) {
                discarded(x.expr());
                return false;
            }
            if (s instanceof Stmt.For f) {
                discarded(f.init());
                walk(f.cond());
                walk(f.body());
                discarded(f.step());
                return false;
            }
            if (s instanceof Stmt.DeleteElement d) {
                touched.add(d.global()); // deleting an element of a per-CPU hash removes every CPU's copy
                return true;
            }
            if (s instanceof Stmt.DeleteGlobal d) {
                touch(d.global());
                return true;
            }
            if (s instanceof Stmt.Foreach f) {
                touch(f.global());
            }
            return true;
        }

        /** An expression whose value is thrown away: accumulations into globals stay per-CPU eligible. */
        private void discarded(Expr e) {
            if (e == null) {
                return;
            }
            Expr.LValue target = null;
            Expr value = null;
            if (e instanceof Expr.IncDec i) {
                target = i.target();
            } else if (e instanceof Expr.Assign a && (a.op() == AssignOp.ADD || a.op() == AssignOp.SUB)) {
                target = a.target();
                value = a.value();
            }
            if (target instanceof Expr.GlobalVar g) {
                touched.add(g.name());
            } else if (target instanceof Expr.GlobalElem g) {
                touched.add(g.name());
                g.keys().forEach(this::walk);
            } else {
                walk(e);
                return;
            }
            walk(value);
        }

        @Override
        protected boolean enter(Expr e) {
            if (e instanceof Expr.GlobalVar g) {
                touch(g.name());
            } else if (e instanceof Expr.GlobalElem g) {
                touch(g.name());
            } else if (e instanceof Expr.InArray i) {
                touched.add(i.global());
            } else if (e instanceof Expr.Call c) {
                for (String target : c.targets()) {
                    if (visitedFunctions.add(target)) {
                        program.function(target).map(FunctionDecl::body).ifPresent(this::walk);
                    }
                }
            }
            return true;
        }

        private void touch(String global) {
            touched.add(global);
            read.add(global);
        }
    }
}
