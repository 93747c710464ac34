package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.SrcLoc;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The state of compiling one kernel probe, shared by the emitters: the assembler, memory and temps,
 * the current frame of locals, and out-of-line ("cold") blocks such as error exits, which are emitted
 * after the main body so the common path runs straight through.
 *
 * <p>Register conventions: R9 holds the per-CPU scratch pointer from the prologue on; R6-R8 are temps
 * ({@link Temps}); R0-R5 are clobbered by helper calls and only used within short sequences. The stack
 * holds ctx, a zero u32 key, the header of fixed error records, the action counter, long locals and spills.
 */
final class Gen {

    private record Cold(Label label, Runnable body) {
    }

    final Assembler asm = new Assembler();
    final ModuleContext mod;
    final KernelPlan plan;
    final Storage storage;
    final Temps temps;
    final Label exit;

    final Errors errors;
    final OutputEmitter output;
    final Strings strings;
    final LongExprs longs;
    final Conditions conds;
    final ArithEmitter arith;
    final GlobalAccess globals;
    final Assignments assign;
    final StatsEmitter stats;
    final BuiltinEmitter builtins;
    final Inliner calls;
    final StmtEmitter stmts;

    /** Stack slots fixed for the whole program. */
    final int ctxSlot;
    final int zeroKeySlot;
    /** 16 bytes: the header of a fixed error record, then its optional long argument. */
    final int headerSlot;
    /** An 8-byte value passed to map_update_elem. */
    final int valueSlot;
    /** The MAXACTION counter's slot, or 0 when the probe cannot exceed MAXACTION. */
    int counterSlot;

    LocalFrame frame;
    private SrcLoc loc;
    private final Deque<Cold> cold = new ArrayDeque<>();

    Gen(ModuleContext mod, KernelPlan plan) {
        this.mod = mod;
        this.plan = plan;
        this.loc = plan.body().loc();
        this.storage = new Storage(plan.name());
        this.temps = new Temps(asm, storage);
        this.exit = asm.newLabel("exit");
        this.ctxSlot = storage.stackSlot(loc);
        this.zeroKeySlot = storage.stackSlot(loc);
        this.headerSlot = storage.stackBytes(16, loc);
        this.valueSlot = storage.stackSlot(loc);
        this.errors = new Errors(this);
        this.output = new OutputEmitter(this);
        this.strings = new Strings(this);
        this.longs = new LongExprs(this);
        this.conds = new Conditions(this);
        this.arith = new ArithEmitter(this);
        this.globals = new GlobalAccess(this);
        this.assign = new Assignments(this);
        this.stats = new StatsEmitter(this);
        this.builtins = new BuiltinEmitter(this);
        this.calls = new Inliner(this);
        this.stmts = new StmtEmitter(this);
    }

    /** The location of the construct being compiled, for allocation failures. */
    SrcLoc loc() {
        return loc;
    }

    void at(SrcLoc where) {
        this.loc = where;
    }

    // ---- values

    void movConst(Reg r, long v) {
        if (v == (int) v) {
            asm.mov(r, (int) v);
        } else {
            asm.ldImm64(r, v);
        }
    }

    /** The value in a register: a temp's own register, or {@code scratch} loaded with it. */
    Reg load(LongVal v, Reg scratch) {
        if (v.isConst()) {
            movConst(scratch, v.constant());
            return scratch;
        }
        return temps.read(v.temp(), scratch);
    }

    /** Copies the value into {@code r}. */
    void loadInto(Reg r, LongVal v) {
        Reg src = load(v, r);
        if (src != r) {
            asm.mov(r, src);
        }
    }

    /** Frees a value's temp (constants have none). */
    void release(LongVal v) {
        if (!v.isConst()) {
            temps.release(v.temp());
        }
    }

    /** A temp holding {@code v}: its own, or a new one with the constant. */
    Temps.Temp materialize(LongVal v) {
        if (!v.isConst()) {
            return v.temp();
        }
        Temps.Temp t = temps.alloc(loc);
        Reg r = temps.target(t, Reg.R0);
        movConst(r, v.constant());
        temps.write(t, r);
        return t;
    }

    /** A new temp set from a register. */
    LongVal fromReg(Reg r) {
        Temps.Temp t = temps.alloc(loc);
        temps.write(t, r);
        return LongVal.of(t);
    }

    // ---- addresses

    void scratchAddr(Reg r, int off) {
        asm.mov(r, Reg.R9);
        if (off != 0) {
            asm.add(r, off);
        }
    }

    void stackAddr(Reg r, int off) {
        asm.mov(r, Reg.R10).add(r, off);
    }

    void mapRef(Reg r, MapRef m) {
        asm.ldMapFd(r, m);
    }

    /** R2 = address of a u32 0 key (for arrays). */
    void zeroKey(Reg r) {
        stackAddr(r, zeroKeySlot);
    }

    void loadCtx(Reg r) {
        asm.ldx(Size.DW, r, Reg.R10, ctxSlot);
    }

    /** Sets a local to 0 or "". */
    void zeroLocal(LocalVar v, int home) {
        if (v.type() == IrType.STRING) {
            strings.zero(home);
        } else {
            asm.st(Size.DW, Reg.R10, home, 0);
        }
    }

    // ---- out-of-line blocks

    /** A block emitted after the main body; {@code body} must end in a jump or exit. */
    Label cold(String name, Runnable body) {
        Label l = asm.newLabel(name);
        cold.add(new Cold(l, body));
        return l;
    }

    void flushCold() {
        while (!cold.isEmpty()) {
            Cold c = cold.poll();
            asm.bind(c.label());
            c.body().run();
        }
    }
}
