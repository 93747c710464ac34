package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.Expr;
import java.util.List;
import java.util.Map;

/**
 * Reads of kernel and user memory: {@code user_long}-style integers (0 when user memory is not
 * readable, as stap's), {@code kernel_long}-style integers and the {@code *_string} functions (a fault is a
 * catchable error carrying the address), and task_struct fields behind {@code ppid}/{@code euid}.
 */
final class MemoryReads {

    /** Width and signedness of an integer read. */
    private record Width(int bytes, boolean signed) {
    }

    private static final Map<String, Width> INTS = Map.ofEntries(
            Map.entry("long", new Width(8, true)), Map.entry("int", new Width(4, true)),
            Map.entry("short", new Width(2, true)), Map.entry("char", new Width(1, true)),
            Map.entry("pointer", new Width(8, false)),
            Map.entry("int8", new Width(1, true)), Map.entry("uint8", new Width(1, false)),
            Map.entry("int16", new Width(2, true)), Map.entry("uint16", new Width(2, false)),
            Map.entry("int32", new Width(4, true)), Map.entry("uint32", new Width(4, false)),
            Map.entry("int64", new Width(8, true)), Map.entry("uint64", new Width(8, false)),
            Map.entry("ushort", new Width(2, false)), Map.entry("uchar", new Width(1, false)));

    private final Gen g;
    private final Assembler asm;

    MemoryReads(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    /** user_long(addr), kernel_int(addr), ...; null when {@code e} is no such function. */
    LongVal readLong(Expr.BuiltinCall e) {
        boolean user = e.name().startsWith("user_");
        boolean kernel = e.name().startsWith("kernel_");
        Width w = user || kernel ? INTS.get(e.name().substring(e.name().indexOf('_') + 1)) : null;
        if (w == null || e.args().size() != 1) {
            return null;
        }
        Temps.Temp addr = g.materialize(g.longs.eval(e.args().get(0)));
        asm.st(Size.DW, Reg.R10, g.valueSlot, 0);
        g.stackAddr(Reg.R1, g.valueSlot);
        asm.mov(Reg.R2, w.bytes());
        g.loadInto(Reg.R3, LongVal.of(addr));
        asm.call(user ? Helper.PROBE_READ_USER : Helper.PROBE_READ_KERNEL);
        if (kernel) {
            g.loadInto(Reg.R1, LongVal.of(addr));
            asm.stx(Size.DW, Reg.R10, g.headerSlot + 8, Reg.R1);
            asm.jne(Reg.R0, 0, g.errors.fault("kernel read fault", e));
        }
        asm.ldx(Size.ofBytes(w.bytes()), Reg.R1, Reg.R10, g.valueSlot);
        if (w.signed() && w.bytes() < 8) {
            int bits = 64 - 8 * w.bytes();
            asm.lsh(Reg.R1, bits).arsh(Reg.R1, bits);
        }
        g.temps.write(addr, Reg.R1);
        return LongVal.of(addr);
    }

    /**
     * user_string(addr), user_string_n(addr, n), user_string2(addr, err), user_string_n2(addr, n, err),
     * and the kernel_ forms; false when {@code e} is no such function.
     */
    boolean readString(Expr.BuiltinCall e, int dst) {
        String name = e.name();
        boolean user = name.startsWith("user_string");
        boolean kernel = name.startsWith("kernel_string");
        if (!user && !kernel) {
            return false;
        }
        String form = name.substring(user ? "user_string".length() : "kernel_string".length());
        List<Expr> args = e.args();
        boolean bounded = form.equals("_n") || form.equals("_n2");
        boolean fallback = form.equals("2") || form.equals("_n2");
        if (!(form.isEmpty() || bounded || fallback) || args.size() != 1 + (bounded ? 1 : 0) + (fallback ? 1 : 0)) {
            return false;
        }
        int mark = g.storage.scratchMark();
        Temps.Temp addr = g.materialize(g.longs.eval(args.get(0)));
        LongVal n = bounded ? g.longs.eval(args.get(1)) : null;
        int err = fallback ? g.strings.temp(args.get(args.size() - 1)) : -1;
        g.strings.zero(dst);
        if (n == null) {
            asm.mov(Reg.R2, g.mod.strSize());
        } else {
            // at most n bytes (n < 0 reads nothing) and never more than the buffer holds
            int max = g.mod.strSize() - 1;
            Label small = asm.newLabel("n_ok");
            Label clamp = asm.newLabel("n_max");
            g.loadInto(Reg.R2, n);
            asm.jsgt(Reg.R2, max, clamp).jsge(Reg.R2, 0, small).mov(Reg.R2, 0).ja(small);
            asm.bind(clamp).mov(Reg.R2, max);
            asm.bind(small).add(Reg.R2, 1);
        }
        g.scratchAddr(Reg.R1, dst);
        g.loadInto(Reg.R3, LongVal.of(addr));
        asm.call(user ? Helper.PROBE_READ_USER_STR : Helper.PROBE_READ_KERNEL_STR);
        Label ok = asm.newLabel("str_ok");
        asm.jsge(Reg.R0, 0, ok);
        if (fallback) {
            g.strings.copy(dst, err);
        } else {
            g.loadInto(Reg.R1, LongVal.of(addr));
            asm.stx(Size.DW, Reg.R10, g.headerSlot + 8, Reg.R1);
            asm.ja(g.errors.fault(user ? "user string copy fault" : "kernel string copy fault", e));
        }
        asm.bind(ok);
        if (n != null) {
            g.release(n);
        }
        g.temps.release(addr);
        g.storage.scratchReset(mark);
        return true;
    }

    /**
     * A 32-bit field of a task reached from the current task through pointer fields at {@code path},
     * e.g. current->real_parent->tgid; 0 if a pointer cannot be read.
     */
    LongVal taskField(List<Integer> path, int fieldOffset, boolean signed) {
        asm.call(Helper.GET_CURRENT_TASK);
        for (int off : path) {
            readKernel(Reg.R0, off, 8);
            asm.ldx(Size.DW, Reg.R0, Reg.R10, g.valueSlot);
        }
        readKernel(Reg.R0, fieldOffset, 4);
        asm.ldx(Size.W, Reg.R0, Reg.R10, g.valueSlot);
        if (signed) {
            asm.lsh(Reg.R0, 32).arsh(Reg.R0, 32);
        }
        return g.fromReg(Reg.R0);
    }

    /** probe_read_kernel of {@code bytes} at base + off into the value slot (zeroed on failure). */
    private void readKernel(Reg base, int off, int bytes) {
        asm.mov(Reg.R3, base).add(Reg.R3, off);
        asm.st(Size.DW, Reg.R10, g.valueSlot, 0);
        g.stackAddr(Reg.R1, g.valueSlot);
        asm.mov(Reg.R2, bytes).call(Helper.PROBE_READ_KERNEL);
    }
}
