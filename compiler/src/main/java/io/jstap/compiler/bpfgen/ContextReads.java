package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.module.ProgKind;
import java.util.Locale;
import java.util.Map;

/**
 * {@code $var} reads from the program's context: tracepoint record fields (loads of the field's width
 * and sign at constant offsets; {@code __data_loc} and inline char arrays copied as strings), raw
 * arguments and pt_regs registers.
 */
final class ContextReads {

    /** x86_64 struct pt_regs offsets by stap's register names. */
    static final Map<String, Integer> PT_REGS = Map.ofEntries(
            Map.entry("r15", 0), Map.entry("r14", 8), Map.entry("r13", 16), Map.entry("r12", 24),
            Map.entry("bp", 32), Map.entry("bx", 40), Map.entry("r11", 48), Map.entry("r10", 56),
            Map.entry("r9", 64), Map.entry("r8", 72), Map.entry("ax", 80), Map.entry("cx", 88),
            Map.entry("dx", 96), Map.entry("si", 104), Map.entry("di", 112), Map.entry("orig_ax", 120),
            Map.entry("ip", 128), Map.entry("cs", 136), Map.entry("flags", 144), Map.entry("sp", 152),
            Map.entry("ss", 160));
    /** pt_regs offsets of the first six function arguments (SysV x86_64 ABI). */
    static final int[] ARG_REGS = {112, 104, 96, 88, 72, 64};

    private final Gen g;
    private final Assembler asm;
    /** Stack slot receiving registers copied from a raw tracepoint's pt_regs; 0 until first needed. */
    private int regSlot;

    ContextReads(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    private ProgKind kind() {
        return g.plan.kind();
    }

    LongVal field(Expr.TracepointField f) {
        requireTracepoint(f);
        if (f.size() != 1 && f.size() != 2 && f.size() != 4 && f.size() != 8) {
            throw new CodegenException("tracepoint field $" + f.name() + " has " + f.size()
                    + " bytes; only 1, 2, 4 and 8-byte integers can be read", f.loc());
        }
        g.loadCtx(Reg.R1);
        asm.ldx(Size.ofBytes(f.size()), Reg.R1, Reg.R1, f.offset());
        if (f.signed() && f.size() < 8) {
            int bits = 64 - 8 * f.size();
            asm.lsh(Reg.R1, bits).arsh(Reg.R1, bits);
        }
        return g.fromReg(Reg.R1);
    }

    /** A string field: {@code __data_loc} (u32 length << 16 | offset into the record) or inline char[N]. */
    void fieldString(Expr.TracepointField f, int dst) {
        requireTracepoint(f);
        g.strings.zero(dst);
        g.loadCtx(Reg.R3);
        if (f.dataLoc()) {
            asm.ldx(Size.W, Reg.R2, Reg.R3, f.offset()).and(Reg.R2, 0xffff).add(Reg.R3, Reg.R2);
            asm.mov(Reg.R2, g.mod.strSize());
        } else {
            asm.add(Reg.R3, f.offset());
            asm.mov(Reg.R2, Math.min(f.size(), g.mod.strSize() - 1) + 1);
        }
        g.scratchAddr(Reg.R1, dst);
        asm.call(Helper.PROBE_READ_KERNEL_STR);
    }

    private void requireTracepoint(Expr.TracepointField f) {
        if (kind() != ProgKind.TRACEPOINT) {
            throw new IllegalStateException("tracepoint field $" + f.name() + " in a " + kind() + " probe");
        }
    }

    LongVal rawArg(Expr.RawArg a) {
        int off;
        switch (kind()) {
            case TRACEPOINT:
                off = 16 + 8 * a.index(); // syscall records: __syscall_nr at 8, then 8-byte arguments
                break;
            case RAW_TRACEPOINT:
                off = 8 * a.index();
                break;
            default:
                if (a.index() >= ARG_REGS.length) {
                    throw new CodegenException("argument " + (a.index() + 1) + " is not in a register; "
                            + "only the first " + ARG_REGS.length + " arguments can be read", a.loc());
                }
                off = ARG_REGS[a.index()];
                break;
        }
        return ctxLong(off);
    }

    LongVal register(Expr.Register r) {
        if (kind() != ProgKind.KPROBE && kind() != ProgKind.PERF_EVENT && kind() != ProgKind.RAW_TRACEPOINT) {
            throw new CodegenException("registers can only be read in uprobes, kprobes and perf probes", r.loc());
        }
        String name = r.name().toLowerCase(Locale.ROOT);
        if (name.length() == 3 && name.startsWith("r") && !Character.isDigit(name.charAt(1))) {
            name = name.substring(1); // rax -> ax
        } else if (name.equals("orig_rax") || name.equals("eflags")) {
            name = name.equals("eflags") ? "flags" : "orig_ax";
        }
        Integer off = PT_REGS.get(name);
        if (off == null) {
            throw new CodegenException("unknown register '" + r.name() + "'", r.loc());
        }
        if (kind() == ProgKind.RAW_TRACEPOINT) {
            return savedRegister(off, r.loc());
        }
        return ctxLong(off);
    }

    /**
     * On the raw sys_enter/sys_exit tracepoints args[0] is the syscall's saved {@code struct pt_regs *},
     * which lives in kernel memory and must be copied out.
     */
    private LongVal savedRegister(int off, io.jstap.compiler.ir.SrcLoc loc) {
        if (regSlot == 0) {
            regSlot = g.storage.stackSlot(loc);
        }
        asm.mov(Reg.R1, Reg.R10).add(Reg.R1, regSlot);
        asm.mov(Reg.R2, 8);
        g.loadCtx(Reg.R3);
        asm.ldx(Size.DW, Reg.R3, Reg.R3, 0).add(Reg.R3, off);
        asm.call(Helper.PROBE_READ_KERNEL);
        asm.ldx(Size.DW, Reg.R1, Reg.R10, regSlot);
        return g.fromReg(Reg.R1);
    }

    private LongVal ctxLong(int off) {
        g.loadCtx(Reg.R1);
        asm.ldx(Size.DW, Reg.R1, Reg.R1, off);
        return g.fromReg(Reg.R1);
    }
}
