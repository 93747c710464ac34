package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.AsmException;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Program;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;

/**
 * Compiles one kernel probe to a BPF program: the prologue (save ctx, fetch this CPU's scratch into R9,
 * zero the action counter and the locals), the body, the common exit and the out-of-line blocks, then
 * drops unreachable instructions.
 */
final class ProbeCompiler {

    /** A compiled probe and the scratch bytes it needs. */
    record Compiled(Program program, int scratchBytes, int stackBytes) {
    }

    private ProbeCompiler() {
    }

    static Compiled compile(ModuleContext mod, KernelPlan plan) {
        Gen g = new Gen(mod, plan);
        Assembler asm = g.asm;
        asm.sourceLine(plan.body().loc() + ": probe " + plan.body().name());
        asm.stx(Size.DW, Reg.R10, g.ctxSlot, Reg.R1);
        asm.st(Size.DW, Reg.R10, g.zeroKeySlot, 0);
        g.mapRef(Reg.R1, ModuleContext.SCRATCH);
        g.zeroKey(Reg.R2);
        asm.call(Helper.MAP_LOOKUP_ELEM).jeq(Reg.R0, 0, g.exit).mov(Reg.R9, Reg.R0);
        if (ActionBudget.needsCounter(plan.body().body(), mod.ir(), mod.limits().maxAction())) {
            g.counterSlot = g.storage.stackSlot(plan.body().loc());
            asm.st(Size.DW, Reg.R10, g.counterSlot, 0);
        }
        g.frame = LocalFrame.allocate(g, plan.body().locals());
        g.stmts.stmt(plan.body().body());
        asm.bind(g.exit).mov(Reg.R0, 0).exit();
        g.flushCold();
        Program p;
        try {
            p = asm.build();
        } catch (AsmException e) {
            throw new CodegenException("probe " + plan.body().name() + " is too large for one BPF program: "
                    + e.getMessage(), plan.body().loc());
        }
        return new Compiled(DeadCode.prune(p), g.storage.scratchUsed(), g.storage.stackUsed());
    }
}
