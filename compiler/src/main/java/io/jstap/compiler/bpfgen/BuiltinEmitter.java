package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.JmpOp;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.MapDef;
import java.util.List;

/**
 * The intrinsic functions kernel probes can call: context (pid, execname, ...), clocks, memory reads,
 * output and control. Anything else is a {@link CodegenException} naming the function.
 */
final class BuiltinEmitter {

    /** stap's randint limit (2^20). */
    static final long RANDMAX = 1024 * 1024;

    private final Gen g;
    private final Assembler asm;
    private final ContextReads ctx;
    private final MemoryReads mem;
    private final SprintfEmitter sprintf;

    BuiltinEmitter(Gen g) {
        this.g = g;
        this.asm = g.asm;
        this.ctx = new ContextReads(g);
        this.mem = new MemoryReads(g);
        this.sprintf = new SprintfEmitter(g);
    }

    static CodegenException unsupported(Expr.BuiltinCall e) {
        return new CodegenException("function '" + e.name() + "' is not supported in kernel probes", e.loc());
    }

    // ---- long results

    LongVal value(Expr.BuiltinCall e) {
        switch (e.name()) {
            case "pid": case "tgid":
                asm.call(Helper.GET_CURRENT_PID_TGID).rsh(Reg.R0, 32);
                return g.fromReg(Reg.R0);
            case "tid":
                asm.call(Helper.GET_CURRENT_PID_TGID).mov32(Reg.R0, Reg.R0);
                return g.fromReg(Reg.R0);
            case "uid":
                asm.call(Helper.GET_CURRENT_UID_GID).mov32(Reg.R0, Reg.R0);
                return g.fromReg(Reg.R0);
            case "gid":
                asm.call(Helper.GET_CURRENT_UID_GID).rsh(Reg.R0, 32);
                return g.fromReg(Reg.R0);
            case "ppid":
                return mem.taskField(List.of(g.mod.offsets().taskRealParent()), g.mod.offsets().taskTgid(), true);
            case "euid":
                return mem.taskField(List.of(g.mod.offsets().taskCred()), g.mod.offsets().credEuid(), false);
            case "egid":
                return mem.taskField(List.of(g.mod.offsets().taskCred()), g.mod.offsets().credEgid(), false);
            case "cpu":
                asm.call(Helper.GET_SMP_PROCESSOR_ID);
                return g.fromReg(Reg.R0);
            case "target":
                asm.ldMapValue(Reg.R1, ModuleContext.CONFIG, 0).ldx(Size.DW, Reg.R1, Reg.R1, MapDef.CONFIG_TARGET);
                return g.fromReg(Reg.R1);
            case "gettimeofday_ns": return epoch(1);
            case "gettimeofday_us": return epoch(1_000);
            case "gettimeofday_ms": return epoch(1_000_000);
            case "gettimeofday_s": return epoch(1_000_000_000);
            case "local_clock_ns": case "ktime_get_ns": return monotonic(1);
            case "local_clock_us": return monotonic(1_000);
            case "local_clock_ms": return monotonic(1_000_000);
            case "local_clock_s": return monotonic(1_000_000_000);
            case "jiffies":
                asm.call(Helper.JIFFIES64);
                return g.fromReg(Reg.R0);
            case "randint":
                return randint(e);
            case "__task_u32":
                return taskU32(e);
            case "strlen":
                return strlen(e);
            default:
                LongVal v = mem.readLong(e);
                if (v == null) {
                    throw unsupported(e);
                }
                return v;
        }
    }

    /**
     * {@code __task_u32(off1, ..., offN, field)}, made by the lowering of process probes: the u32 at
     * current->[off1]->...->[offN] + field, 0 when a pointer on the way cannot be read.
     */
    private LongVal taskU32(Expr.BuiltinCall e) {
        List<Integer> path = new java.util.ArrayList<>();
        for (Expr a : e.args()) {
            path.add((int) ((Expr.LongLit) a).value());
        }
        return mem.taskField(path.subList(0, path.size() - 1), path.get(path.size() - 1), false);
    }

    /** Wall-clock time: CLOCK_BOOTTIME plus the boot-to-epoch offset the runtime stores in CONFIG. */
    private LongVal epoch(int divisor) {
        asm.call(Helper.KTIME_GET_BOOT_NS);
        asm.ldMapValue(Reg.R1, ModuleContext.CONFIG, 0).ldx(Size.DW, Reg.R1, Reg.R1, MapDef.CONFIG_BOOT_TO_EPOCH_NS);
        asm.add(Reg.R0, Reg.R1);
        if (divisor != 1) {
            asm.div(Reg.R0, divisor);
        }
        return g.fromReg(Reg.R0);
    }

    private LongVal monotonic(int divisor) {
        asm.call(Helper.KTIME_GET_NS);
        if (divisor != 1) {
            asm.div(Reg.R0, divisor);
        }
        return g.fromReg(Reg.R0);
    }

    /** randint(n): uniform in [0, n); n above 2^20 (compared unsigned) is stap's "range too wide". */
    private LongVal randint(Expr.BuiltinCall e) {
        Temps.Temp n = g.materialize(g.longs.eval(e.args().get(0)));
        Reg r = g.temps.read(n, Reg.R1);
        g.failIf(JmpOp.JGT, r, (int) RANDMAX, g.errors.failure("range too wide", e));
        Label zero = asm.newLabel("rand_zero");
        Label done = asm.newLabel("rand_done");
        asm.jeq(r, 0, zero);
        asm.call(Helper.GET_PRANDOM_U32);
        asm.mod(Reg.R0, g.temps.read(n, Reg.R1)).ja(done);
        asm.bind(zero).mov(Reg.R0, 0);
        asm.bind(done);
        g.temps.write(n, Reg.R0);
        return LongVal.of(n);
    }

    private LongVal strlen(Expr.BuiltinCall e) {
        int mark = g.storage.scratchMark();
        int buf = g.strings.read(e.args().get(0));
        g.strings.strlen(buf);
        g.storage.scratchReset(mark);
        return g.fromReg(Reg.R0);
    }

    // ---- string results

    void string(Expr.BuiltinCall e, int dst) {
        switch (e.name()) {
            case "execname":
                g.strings.zero(dst);
                g.scratchAddr(Reg.R1, dst);
                asm.mov(Reg.R2, Math.min(16, g.mod.strSize()));
                asm.call(Helper.GET_CURRENT_COMM);
                return;
            case "pp":
            case "pn":
                g.strings.literalInto(g.plan.body().name(), dst);
                return;
            case "probefunc":
            case "ppfunc":
                g.strings.literalInto(probefunc(), dst);
                return;
            case "sprint": sprintf.sprint(e, false, false, dst); return;
            case "sprintln": sprintf.sprint(e, false, true, dst); return;
            case "sprintd": sprintf.sprint(e, true, false, dst); return;
            case "sprintdln": sprintf.sprint(e, true, true, dst); return;
            default:
                if (!mem.readString(e, dst)) {
                    throw unsupported(e);
                }
        }
    }

    /** The probed function for uprobes and kprobes attached to one function; "" elsewhere. */
    private String probefunc() {
        String name = null;
        for (Attach a : g.plan.attach()) {
            String f = a instanceof Attach.Uprobe u ? u.symbol() : a instanceof Attach.Kprobe k ? k.function() : null;
            if (f == null || (name != null && !name.equals(f))) {
                return "";
            }
            name = f;
        }
        return name == null ? "" : name;
    }

    void sprintf(Expr.Format f, int dst) {
        sprintf.sprintf(f, dst);
    }

    // ---- effects

    void effect(Expr.BuiltinCall e) {
        switch (e.name()) {
            case "print": g.output.print(e, false, false); return;
            case "println": g.output.print(e, false, true); return;
            case "printd": g.output.print(e, true, false); return;
            case "printdln": g.output.print(e, true, true); return;
            case "log": g.output.log(e); return;
            case "warn": g.output.warn(e); return;
            case "exit": g.output.exit(e); return;
            case "error": {
                int mark = g.storage.scratchMark();
                int msg = g.strings.temp(e.args().get(0));
                g.errors.failWith(msg, e);
                g.storage.scratchReset(mark);
                return;
            }
            default:
                if (e.type() == IrType.LONG) {
                    g.release(value(e));
                    return;
                }
                throw unsupported(e);
        }
    }

    LongVal tracepointField(Expr.TracepointField f) {
        return ctx.field(f);
    }

    void tracepointString(Expr.TracepointField f, int dst) {
        ctx.fieldString(f, dst);
    }

    LongVal rawArg(Expr.RawArg a) {
        return ctx.rawArg(a);
    }

    LongVal register(Expr.Register r) {
        return ctx.register(r);
    }
}
