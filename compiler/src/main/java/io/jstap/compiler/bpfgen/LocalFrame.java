package io.jstap.compiler.bpfgen;

import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import java.util.Arrays;
import java.util.List;

/**
 * Where the locals of the probe, or of one inlined function call, live: a long in an 8-byte stack slot
 * (offset from R10, so the verifier tracks loop counters exactly), a string in a MAXSTRINGLEN buffer
 * in scratch (offset from R9).
 */
final class LocalFrame {

    private final int[] homes;
    private final boolean[] bound;

    LocalFrame(int slots) {
        homes = new int[slots];
        bound = new boolean[slots];
    }

    /** Allocates a home for every variable and emits code setting each to 0 or "". */
    static LocalFrame allocate(Gen g, List<LocalVar> vars) {
        LocalFrame f = new LocalFrame(vars.stream().mapToInt(v -> v.slot() + 1).max().orElse(0));
        for (LocalVar v : vars) {
            int home = v.type() == IrType.STRING ? g.storage.scratch(g.mod.strSize(), g.loc())
                    : g.storage.stackSlot(g.loc());
            f.bind(v, home);
            g.zeroLocal(v, home);
        }
        return f;
    }

    void bind(LocalVar v, int home) {
        homes[v.slot()] = home;
        bound[v.slot()] = true;
    }

    int home(LocalVar v) {
        if (v.slot() >= homes.length || !bound[v.slot()]) {
            throw new IllegalStateException("local " + v.name() + " (slot " + v.slot() + ") has no home; frame "
                    + Arrays.toString(homes));
        }
        return homes[v.slot()];
    }
}
