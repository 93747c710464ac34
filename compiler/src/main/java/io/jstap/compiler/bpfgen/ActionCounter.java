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
 * <p>Actions are counted exactly where the interpreter counts them, in scratch memory: the verifier
 * does not track values there, so the count never splits its paths (a constant count would differ
 * between the two sides of every branch, and the verifier would check the rest of the probe once per
 * count). Loops need the opposite, an exact count to prove they end: a separate iteration count on
 * the stack, bumped at every loop test, bounds them all. It never reaches MAXACTION before the action
 * count does (each iteration is also an action). Where paths join with different constants in long
 * locals (after a loop, or at a branch inside one), those are <em>widened</em>: stored to scratch and
 * loaded back, which changes nothing at run time but leaves the verifier the same unknown number on
 * every path, so the paths merge.
 */
final class ActionCounter {

    private final Gen g;
    private final Assembler asm;
    /** An enclosing loop and the home of its counter (-1 when it is not a counted loop). */
    private record Loop(int counterHome) {
        boolean counted() {
            return counterHome != -1;
        }
    }

    private final Deque<Loop> loops = new ArrayDeque<>();

    ActionCounter(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    private boolean counting() {
        return g.counterSlot >= 0;
    }

    /** Counts one action for {@code s}; at MAXACTION the probe fails near {@code s}. */
    void charge(Stmt s) {
        if (!counting()) {
            return;
        }
        asm.ldx(Size.DW, Reg.R1, Reg.R9, g.counterSlot).add(Reg.R1, 1).stx(Size.DW, Reg.R9, g.counterSlot, Reg.R1);
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
     * Paths join after a branch: inside loops, widen the long locals other than the counters of
     * enclosing counted loops (whose exact values end those loops early for the verifier).
     */
    void merge() {
        if (loops.isEmpty()) {
            return;
        }
        for (int home : g.frame.longHomes()) {
            if (loops.stream().noneMatch(l -> l.counterHome() == home)) {
                widen(home);
            }
        }
    }

    private void widen(int stackSlot) {
        asm.ldx(Size.DW, Reg.R1, Reg.R10, stackSlot).stx(Size.DW, Reg.R9, g.widenSlot, Reg.R1);
        asm.ldx(Size.DW, Reg.R1, Reg.R9, g.widenSlot).stx(Size.DW, Reg.R10, stackSlot, Reg.R1);
    }

    /**
     * Before a loop: {@code counterHome} is the stack slot of its variable when it is a counted loop
     * (a for-loop from a constant to a constant bound, its variable assigned nowhere else), which ends
     * by itself for the verifier; else -1. Returns the region's slot for {@link #exitLoop}.
     */
    int enterLoop(int counterHome) {
        loops.push(new Loop(counterHome));
        return enterRegion();
    }

    void exitLoop(int region) {
        loops.pop();
        exitRegion(region);
        // a loop can leave its locals with a different value after each iteration
        widenLocals();
    }

    /**
     * Outside loops, widens every long local: after a loop, or where a try's handler is entered from
     * anywhere in its body, the paths that join carry all sorts of values.
     */
    void widenLocals() {
        if (loops.isEmpty()) {
            for (int home : g.frame.longHomes()) {
                widen(home);
            }
        }
    }

    /**
     * Before a statement or call whose paths may leave with different iteration counts (an if, a try,
     * an inlined call): remembers the count in a new stack slot (returned; 0 when not counting).
     */
    int enterRegion() {
        if (!counting()) {
            return 0;
        }
        int slot = g.storage.stackSlot(g.loc());
        asm.ldx(Size.DW, Reg.R1, Reg.R10, g.iterationSlot).stx(Size.DW, Reg.R10, slot, Reg.R1);
        return slot;
    }

    /** The end of a region: {@link #join}, then frees its slot. */
    void exitRegion(int region) {
        join(region);
        if (counting()) {
            g.storage.stackReset(-region - 8);
        }
    }

    /**
     * Where paths of a region join (its end, or a try's handler, entered from anywhere in the body).
     * When no enclosing loop depends on the iteration count to end (none, or only counted ones), the
     * count becomes "at least its value at the region's entry" for the verifier (its run-time value is
     * unchanged: it lies within the mask's range above the entry value) and the paths merge. Otherwise
     * it stays exact: a loose bound would let the verifier run the enclosing loop again as if the inner
     * code had not iterated. Then {@link #merge}.
     */
    void join(int region) {
        if (counting() && loops.stream().allMatch(Loop::counted)) {
            long mask = Long.highestOneBit(g.mod.limits().maxAction()) * 2 - 1;
            asm.ldx(Size.DW, Reg.R1, Reg.R10, g.iterationSlot).stx(Size.DW, Reg.R9, g.widenSlot, Reg.R1);
            asm.ldx(Size.DW, Reg.R1, Reg.R9, g.widenSlot).ldx(Size.DW, Reg.R2, Reg.R10, region);
            asm.sub(Reg.R1, Reg.R2);
            if (mask == (int) mask) {
                asm.and(Reg.R1, (int) mask);
            } else {
                asm.ldImm64(Reg.R3, mask).and(Reg.R1, Reg.R3);
            }
            asm.add(Reg.R1, Reg.R2).stx(Size.DW, Reg.R10, g.iterationSlot, Reg.R1);
        }
        merge();
    }
}
