package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Calls of script functions, inlined at the call site with a fresh frame per call (BPF-to-BPF calls
 * would share the 512-byte stack and cannot return strings). Arguments are evaluated once, then each
 * overload in turn gets copies of them; {@code next} in an overload moves on to the following one, and
 * past the last is stap's "all functions exhausted". Recursion cannot be inlined and is rejected;
 * MAXNESTING is checked statically, the nesting depth being known at each call site.
 */
final class Inliner {

    /** The function being inlined: where return and next go, and where the result lives. */
    record Context(FunctionDecl function, Label end, Label next, int resultHome) {
        boolean hasResult() {
            return resultHome != NO_RESULT;
        }
    }

    /** The result home of a void function (stack offsets are negative, scratch offsets not). */
    static final int NO_RESULT = Integer.MIN_VALUE;

    private final Gen g;
    private final Assembler asm;
    private final Deque<Context> active = new ArrayDeque<>();
    private final int maxNesting;

    Inliner(Gen g) {
        this.g = g;
        this.asm = g.asm;
        this.maxNesting = g.mod.limits().maxNesting() > 0 ? g.mod.limits().maxNesting()
                : io.jstap.compiler.ir.NestingAnalysis.maxNesting(g.mod.ir());
    }

    /** The innermost function being compiled, or null in the probe's own body. */
    Context current() {
        return active.peek();
    }

    /**
     * Emits a call. A long result comes back as a value; a string result is written to {@code dst}
     * (a new buffer is used when dst is -1 and the value is discarded); void calls return null.
     */
    LongVal call(Expr.Call c, int dst) {
        for (Context ctx : active) {
            if (c.targets().contains(ctx.function().name())) {
                throw new CodegenException("function '" + ctx.function().name() + "' is recursive; recursion "
                        + "cannot run in a kernel probe (call it from an end or timer probe)", c.loc());
            }
        }
        IrType type = c.type();
        int stackMark = g.storage.stackMark();
        int scratchMark = g.storage.scratchMark();
        // arguments, left to right, before any frame exists
        List<LongVal> longArgs = new ArrayList<>();
        List<Integer> strArgs = new ArrayList<>();
        for (Expr a : c.args()) {
            if (a.type() == IrType.STRING) {
                strArgs.add(g.strings.temp(a));
                longArgs.add(null);
            } else {
                LongVal v = g.longs.eval(a);
                longArgs.add(v.isConst() ? v : LongVal.of(g.materialize(v)));
                strArgs.add(-1);
            }
        }
        int resultStack = g.storage.stackMark();
        int result = NO_RESULT;
        if (type == IrType.LONG) {
            result = g.storage.stackSlot(c.loc());
        } else if (type == IrType.STRING) {
            result = dst >= 0 ? dst : g.storage.scratch(g.mod.strSize(), c.loc());
        }
        Label done = asm.newLabel("ret_" + c.name());
        if (active.size() >= maxNesting) {
            asm.ja(g.errors.failure("MAXNESTING exceeded", c));
        } else {
            List<String> targets = c.targets();
            for (int i = 0; i < targets.size(); i++) {
                boolean last = i == targets.size() - 1;
                Label next = last ? g.errors.failure("all functions exhausted", c) : asm.newLabel("next_overload");
                inline(g.mod.function(targets.get(i)), longArgs, strArgs, type, result, done, next);
                if (!last) {
                    asm.bind(next);
                }
            }
        }
        asm.bind(done);
        if (type == IrType.LONG) {
            asm.ldx(Size.DW, Reg.R1, Reg.R10, result);
        }
        g.storage.stackReset(resultStack);
        for (int i = longArgs.size() - 1; i >= 0; i--) {
            if (longArgs.get(i) != null) {
                g.release(longArgs.get(i));
            }
        }
        g.storage.stackReset(stackMark);
        g.storage.scratchReset(scratchMark); // a string result lives in dst, allocated before
        return type == IrType.LONG ? g.fromReg(Reg.R1) : null;
    }

    private void inline(FunctionDecl f, List<LongVal> longArgs, List<Integer> strArgs, IrType type, int result,
                        Label done, Label next) {
        int stackMark = g.storage.stackMark();
        int scratchMark = g.storage.scratchMark();
        LocalFrame frame = new LocalFrame(f.frameSize());
        for (int i = 0; i < f.params().size(); i++) {
            LocalVar p = f.params().get(i);
            if (p.type() == IrType.STRING) {
                int home = g.storage.scratch(g.mod.strSize(), f.loc());
                g.strings.copy(home, strArgs.get(i));
                frame.bind(p, home);
            } else {
                int home = g.storage.stackSlot(f.loc());
                asm.stx(Size.DW, Reg.R10, home, g.load(longArgs.get(i), Reg.R1));
                frame.bind(p, home);
            }
        }
        for (LocalVar v : f.locals()) {
            int home = v.type() == IrType.STRING ? g.storage.scratch(g.mod.strSize(), f.loc())
                    : g.storage.stackSlot(f.loc());
            frame.bind(v, home);
            g.zeroLocal(v, home);
        }
        if (type == IrType.LONG) {
            asm.st(Size.DW, Reg.R10, result, 0);
        } else if (type == IrType.STRING) {
            g.strings.zero(result);
        }
        LocalFrame caller = g.frame;
        g.frame = frame;
        active.push(new Context(f, done, next, result));
        g.stmts.functionBody(f.body());
        active.pop();
        g.frame = caller;
        asm.ja(done);
        g.storage.scratchReset(scratchMark);
        g.storage.stackReset(stackMark);
    }
}
