package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.JmpOp;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.Stmt;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * MAXACTION in kernel code, and the bookkeeping that keeps the verifier's work linear.
 *
 * <p>Actions are counted exactly where the interpreter counts them. The verifier follows every path
 * with the values it can track; where paths join with different counts (or different constants in
 * long locals, after a loop or inside one), it would check the rest of the probe once per variant,
 * and loops and branches in sequence would multiply. So at joins the values are <em>widened</em>: stored to scratch memory and
 * loaded back, which changes nothing at run time but leaves the verifier an unknown number, the same on
 * every path. Loops need the opposite, an exact count to prove they end: a separate iteration count,
 * bumped at every loop test, bounds them all. It never reaches MAXACTION before the action count does
 * (each iteration is also an action), and at a loop's exit it is widened only down to its value at the
 * loop's entry, so an enclosing loop still sees it grow.
 */
final class ActionCounter {

    private final Gen g;
    private final Assembler asm;
    private int loopDepth;
    private final Deque<Integer> loopCounters = new ArrayDeque<>();

    ActionCounter(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    private boolean counting() {
        return g.counterSlot != 0;
    }

    /** Counts one action for {@code s}; at MAXACTION the probe fails near {@code s}. */
    void charge(Stmt s) {
        if (!counting()) {
            return;
        }
        asm.ldx(Size.DW, Reg.R1, Reg.R10, g.counterSlot).add(Reg.R1, 1).stx(Size.DW, Reg.R10, g.counterSlot, Reg.R1);
        jumpIfAtLimit(Reg.R1, g.errors.maxAction(s));
    }

    /** Counts one iteration of loop {@code s} (the branch to the error never runs, see above). */
    void iterate(Stmt s) {
        if (!counting()) {
            return;
        }
        asm.ldx(Size.DW, Reg.R1, Reg.R10, g.iterationSlot).add(Reg.R1, 1)
                .stx(Size.DW, Reg.R10, g.iterationSlot, Reg.R1);
        jumpIfAtLimit(Reg.R1, g.errors.maxAction(s));
    }

    private void jumpIfAtLimit(Reg r, Label fail) {
        long max = g.mod.limits().maxAction();
        if (max == (int) max) {
            g.failIf(JmpOp.JGE, r, (int) max, fail);
        } else {
            asm.ldImm64(Reg.R2, max);
            g.failIf(JmpOp.JGE, r, Reg.R2, fail);
        }
    }

    /**
     * Paths join after a branch: widen the action count and, inside loops, the long locals other than
     * the counters of the enclosing loops (whose exact values end those loops early for the verifier).
     */
    void merge() {
        if (counting()) {
            widen(g.counterSlot);
        }
        if (loopDepth > 0) {
            for (int home : g.frame.longHomes()) {
                if (!loopCounters.contains(home)) {
                    widen(home);
                }
            }
        }
    }

    /** A for-loop's variable the body never assigns: kept exact inside the loop (-1: none). */
    void pushLoopCounter(int home) {
        loopCounters.push(home);
    }

    void popLoopCounter() {
        loopCounters.pop();
    }

    private void widen(int stackSlot) {
        asm.ldx(Size.DW, Reg.R1, Reg.R10, stackSlot).stx(Size.DW, Reg.R9, g.widenSlot, Reg.R1);
        asm.ldx(Size.DW, Reg.R1, Reg.R9, g.widenSlot).stx(Size.DW, Reg.R10, stackSlot, Reg.R1);
    }

    /**
     * Before a loop or an inlined call: remembers the iteration count in a new stack slot (returned,
     * or 0 when not counting). {@code loop}: the code until {@link #exitRegion} is inside a loop.
     */
    int enterRegion(boolean loop) {
        if (loop) {
            loopDepth++;
        }
        if (!counting()) {
            return 0;
        }
        int slot = g.storage.stackSlot(g.loc());
        asm.ldx(Size.DW, Reg.R1, Reg.R10, g.iterationSlot).stx(Size.DW, Reg.R10, slot, Reg.R1);
        return slot;
    }

    /**
     * Where the paths out of a loop or call join. Outside any loop, the iteration count becomes "at
     * least its value at the entry" for the verifier (its run-time value is unchanged: it lies within
     * the mask's range above the entry value), then {@link #merge}. Inside a loop it stays exact: a
     * loose bound would let the verifier run the enclosing loop again as if the inner one had not
     * iterated, while exact counts let it recognise the states it has already checked.
     */
    void exitRegion(boolean loop, int entrySlot) {
        if (loop) {
            loopDepth--;
        }
        if (counting()) {
            if (loopDepth == 0) {
                long mask = Long.highestOneBit(g.mod.limits().maxAction()) * 2 - 1;
                asm.ldx(Size.DW, Reg.R1, Reg.R10, g.iterationSlot).stx(Size.DW, Reg.R9, g.widenSlot, Reg.R1);
                asm.ldx(Size.DW, Reg.R1, Reg.R9, g.widenSlot).ldx(Size.DW, Reg.R2, Reg.R10, entrySlot);
                asm.sub(Reg.R1, Reg.R2);
                if (mask == (int) mask) {
                    asm.and(Reg.R1, (int) mask);
                } else {
                    asm.ldImm64(Reg.R3, mask).and(Reg.R1, Reg.R3);
                }
                asm.add(Reg.R1, Reg.R2).stx(Size.DW, Reg.R10, g.iterationSlot, Reg.R1);
            }
            g.storage.stackReset(-entrySlot - 8);
        }
        merge();
        if (loop && loopDepth == 0) {
            // a loop can leave its locals with a different value after each iteration
            for (int home : g.frame.longHomes()) {
                widen(home);
            }
        }
    }
}
