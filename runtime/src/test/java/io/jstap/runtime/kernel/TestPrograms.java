package io.jstap.runtime.kernel;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.bpf.Program;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.linux.ProgType;
import io.jstap.linux.ProgramLoad;

/** Hand-assembled programs for the kernel tests. */
final class TestPrograms {

    static final MapRef COUNTS = new MapRef("counts");
    static final MapRef RING = new MapRef("ring");
    static final MapRef DROPS = new MapRef("drops");

    private TestPrograms() {
    }

    /** Jumps to {@code out} unless the current tgid is {@code tgid}; clobbers r0-r5. */
    static void onlyTgid(Assembler a, int tgid, Label out) {
        a.call(Helper.GET_CURRENT_PID_TGID).rsh(Reg.R0, 32).jne(Reg.R0, tgid, out);
    }

    /** counts[key] += addend (ARRAY of u64); addend in {@code src} (r6-r9) or 1 when null. */
    static void increment(Assembler a, int key, Reg src, Label out) {
        a.st(Size.W, Reg.R10, -4, key).mov(Reg.R2, Reg.R10).add(Reg.R2, -4).ldMapFd(Reg.R1, COUNTS)
                .call(Helper.MAP_LOOKUP_ELEM).jeq(Reg.R0, 0, out);
        if (src == null) {
            a.mov(Reg.R1, 1);
            a.atomicAdd(Size.DW, Reg.R0, 0, Reg.R1, false);
        } else {
            a.atomicAdd(Size.DW, Reg.R0, 0, src, false);
        }
    }

    static void finish(Assembler a, Label out) {
        a.bind(out).mov(Reg.R0, 0).exit();
    }

    /** Counts hits of the current tgid into counts[key]. */
    static Program countForTgid(int tgid, int key) {
        Assembler a = new Assembler();
        Label out = a.newLabel("out");
        onlyTgid(a, tgid, out);
        increment(a, key, null, out);
        finish(a, out);
        return a.build();
    }

    static ProgramLoad load(ProgType type, String name, Program p, BpfMap... maps) {
        byte[] bytes = p.bytesWithFds(ref -> {
            for (BpfMap m : maps) {
                if (m.name().equals(ref.name())) {
                    return m.fd();
                }
            }
            throw new IllegalArgumentException("no map " + ref.name());
        });
        return new ProgramLoad(type, name, bytes, "GPL");
    }
}
