package io.jstap.compiler.bpfgen;

import static io.jstap.compiler.ir.Ir.L0;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.ProgKind;
import java.util.List;

/** Builds modules of one tracepoint probe for the code generation tests. */
final class Modules {

    private Modules() {
    }

    static ProbeBody body(List<LocalVar> locals, Stmt... stmts) {
        return new ProbeBody("kernel.trace(\"a:b\")", locals, new Stmt.Block(List.of(stmts), L0), L0);
    }

    static KernelPlan plan(ProbeBody body) {
        return new KernelPlan(body, ProgKind.TRACEPOINT, List.of(new Attach.Tracepoint("a", "b")), "probe_0");
    }

    static Module module(List<GlobalDecl> globals, List<FunctionDecl> functions, RuntimeLimits limits,
                         ProbeBody... probes) {
        IrProgram ir = new IrProgram(globals, functions, List.of(probes));
        return ModuleBuilder.build(ir, java.util.Arrays.stream(probes).map(Modules::plan).toList(), List.of(), limits);
    }

    static Module module(List<GlobalDecl> globals, Stmt... stmts) {
        return module(globals, List.of(), RuntimeLimits.DEFAULTS, body(List.of(), stmts));
    }

    /** The disassembly of the module's first kernel probe. */
    static String asm(Module m) {
        return io.jstap.compiler.bpf.Disassembler.disassemble(m.kernelProbes().get(0).code());
    }
}
