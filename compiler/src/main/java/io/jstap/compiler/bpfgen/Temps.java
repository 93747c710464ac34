package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.SrcLoc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Homes for long intermediate values that must survive helper calls: the callee-saved registers
 * R6-R8 first, then 8-byte stack slots (spills). R9 holds the scratch pointer for the whole program
 * and R0-R5 are only used inside short sequences with no call in between. Temps are released in the
 * reverse order of allocation, as expression evaluation nests.
 */
final class Temps {

    /** A temp: a register, or a stack slot at {@code off} from R10 when {@code reg} is null. */
    record Temp(Reg reg, int off) {
        boolean inReg() {
            return reg != null;
        }

        @Override
        public String toString() {
            return inReg() ? reg.name().toLowerCase(java.util.Locale.ROOT) : "[r10" + off + "]";
        }
    }

    private static final List<Reg> POOL = List.of(Reg.R6, Reg.R7, Reg.R8);

    private final Assembler asm;
    private final Storage storage;
    private final Deque<Reg> free = new ArrayDeque<>();
    private final List<Temp> live = new ArrayList<>();
    private final List<Integer> stackMarks = new ArrayList<>();

    Temps(Assembler asm, Storage storage) {
        this.asm = asm;
        this.storage = storage;
        for (int i = POOL.size() - 1; i >= 0; i--) {
            free.push(POOL.get(i));
        }
    }

    Temp alloc(SrcLoc loc) {
        Temp t;
        if (!free.isEmpty()) {
            t = new Temp(free.pop(), 0);
            stackMarks.add(-1);
        } else {
            stackMarks.add(storage.stackMark());
            t = new Temp(null, storage.stackSlot(loc));
        }
        live.add(t);
        return t;
    }

    void release(Temp t) {
        int last = live.size() - 1;
        if (last < 0 || !live.get(last).equals(t)) {
            throw new IllegalStateException("temp " + t + " released out of order; live: " + live);
        }
        live.remove(last);
        int mark = stackMarks.remove(last);
        if (t.inReg()) {
            free.push(t.reg());
        } else {
            storage.stackReset(mark);
        }
    }

    /** Number of temps alive; statements start and end with none. */
    int liveCount() {
        return live.size();
    }

    /** The temp's value in a register: its own, or {@code scratch} after a load from its slot. */
    Reg read(Temp t, Reg scratch) {
        if (t.inReg()) {
            return t.reg();
        }
        asm.ldx(Size.DW, scratch, Reg.R10, t.off());
        return scratch;
    }

    /** Stores {@code src} into the temp. */
    void write(Temp t, Reg src) {
        if (t.inReg()) {
            if (t.reg() != src) {
                asm.mov(t.reg(), src);
            }
        } else {
            asm.stx(Size.DW, Reg.R10, t.off(), src);
        }
    }

    /** A register to compute the temp's new value in: its own, or {@code scratch} (then call {@link #write}). */
    Reg target(Temp t, Reg scratch) {
        return t.inReg() ? t.reg() : scratch;
    }
}
