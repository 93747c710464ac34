package io.jstap.runtime.session;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.bpf.Program;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.module.OutputRecord;

/** Hand-assembled kernel probes that write ring buffer records, as generated code will. */
final class KernelPrograms {

    private KernelPrograms() {
    }

    /**
     * On each getppid of {@code tgid}: {@code n = seq++} (atomic), then a PRINTF record
     * {kind, id, s64 n @8, char comm[16] @16} of 32 bytes; a full ring counts a drop in COUNTERS[0].
     */
    static Program printer(MapRef seq, int tgid, int recordId) {
        Assembler a = new Assembler();
        Label out = a.newLabel("out");
        Label drop = a.newLabel("drop");
        Modules.onlyTgid(a, tgid, out);
        Modules.lookupIndex0(a, seq, out);
        a.mov(Reg.R6, 1).atomicAdd(Size.DW, Reg.R0, 0, Reg.R6, true);
        a.st(Size.W, Reg.R10, -32, OutputRecord.Kind.PRINTF.ordinal()).st(Size.W, Reg.R10, -28, recordId)
                .stx(Size.DW, Reg.R10, -24, Reg.R6).st(Size.DW, Reg.R10, -16, 0).st(Size.DW, Reg.R10, -8, 0)
                .mov(Reg.R1, Reg.R10).add(Reg.R1, -16).mov(Reg.R2, 16).call(Helper.GET_CURRENT_COMM);
        a.ldMapFd(Reg.R1, Modules.RING).mov(Reg.R2, Reg.R10).add(Reg.R2, -32).mov(Reg.R3, 32).mov(Reg.R4, 0)
                .call(Helper.RINGBUF_OUTPUT).jeq(Reg.R0, 0, out);
        a.bind(drop);
        Modules.lookupIndex0(a, Modules.COUNTERS, out);
        a.mov(Reg.R1, 1).atomicAdd(Size.DW, Reg.R0, 0, Reg.R1, false);
        return a.bind(out).mov(Reg.R0, 0).exit().build();
    }

    /**
     * Counts getppid calls of {@code tgid} into {@code count} up to {@code limit}, and on reaching it
     * writes an EXIT record {kind, id} (stap's {@code if (++count == limit) exit()}).
     */
    static Program countThenExit(MapRef count, int tgid, int limit, int recordId) {
        Assembler a = new Assembler();
        Label out = a.newLabel("out");
        Modules.onlyTgid(a, tgid, out);
        Modules.lookupIndex0(a, count, out);
        a.ldx(Size.DW, Reg.R1, Reg.R0, 0).jge(Reg.R1, limit, out)
                .mov(Reg.R1, 1).atomicAdd(Size.DW, Reg.R0, 0, Reg.R1, true).jne(Reg.R1, limit - 1, out);
        a.st(Size.W, Reg.R10, -8, OutputRecord.Kind.EXIT.ordinal()).st(Size.W, Reg.R10, -4, recordId)
                .ldMapFd(Reg.R1, Modules.RING).mov(Reg.R2, Reg.R10).add(Reg.R2, -8).mov(Reg.R3, 8).mov(Reg.R4, 0)
                .call(Helper.RINGBUF_OUTPUT);
        return a.bind(out).mov(Reg.R0, 0).exit().build();
    }

    /** Counts exec events (sched:sched_process_exec) of programs whose comm is {@code comm} (at most 15 bytes). */
    static Program execsOf(MapRef count, String comm) {
        byte[] name = java.util.Arrays.copyOf(comm.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 16);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(name).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        Assembler a = new Assembler();
        Label out = a.newLabel("out");
        a.st(Size.DW, Reg.R10, -16, 0).st(Size.DW, Reg.R10, -8, 0)
                .mov(Reg.R1, Reg.R10).add(Reg.R1, -16).mov(Reg.R2, 16).call(Helper.GET_CURRENT_COMM);
        a.ldx(Size.DW, Reg.R1, Reg.R10, -16).ldImm64(Reg.R2, b.getLong(0)).jne(Reg.R1, Reg.R2, out)
                .ldx(Size.DW, Reg.R1, Reg.R10, -8).ldImm64(Reg.R2, b.getLong(8)).jne(Reg.R1, Reg.R2, out);
        Modules.lookupIndex0(a, count, out);
        a.mov(Reg.R1, 1).atomicAdd(Size.DW, Reg.R0, 0, Reg.R1, false);
        return a.bind(out).mov(Reg.R0, 0).exit().build();
    }
}
