package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.L0;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.bpfgen.KernelPlan;
import io.jstap.compiler.bpfgen.ModuleBuilder;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.ProgKind;
import io.jstap.runtime.kernel.KernelResources;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * Kernel tests of compiled modules: a probe on syscalls:sys_enter_getppid guarded by
 * {@code if (pid() != <this process>) next}, triggered by calling getppid from the test. They fail (not
 * skip) without BPF; after each test no bpf or perf fd may remain open.
 */
@Tag("kernel")
abstract class CodegenKernelTest {

    protected KernelResources kr;

    @BeforeEach
    void openScope() {
        assertEquals(List.of(), FdLeaks.openKernelFds(), "kernel fds open before the test");
        kr = new KernelResources();
    }

    @AfterEach
    void closeScope() {
        kr.close();
        assertEquals(List.of(), FdLeaks.openKernelFds(), "kernel fds left open after the test");
    }

    static int tgid() {
        return (int) ProcessHandle.current().pid();
    }

    /** {@code if (pid() != <this process>) next}: other processes' getppid calls are ignored. */
    static Stmt guard() {
        return new Stmt.If(new Expr.Compare(CmpOp.NE, new Expr.BuiltinCall("pid", List.of(), IrType.LONG, L0),
                new Expr.LongLit(tgid(), L0), L0), new Stmt.Next(L0), null, L0);
    }

    /** A getppid probe with the guard before {@code body}. */
    static ProbeBody probe(List<LocalVar> locals, Stmt... body) {
        List<Stmt> all = new ArrayList<>();
        all.add(guard());
        all.addAll(List.of(body));
        return new ProbeBody("syscall.getppid", locals, new Stmt.Block(all, L0), L0);
    }

    static KernelPlan plan(ProbeBody body) {
        return new KernelPlan(body, ProgKind.TRACEPOINT, List.of(new Attach.Tracepoint("syscalls", "sys_enter_getppid")),
                "getppid_probe");
    }

    static Module compile(List<GlobalDecl> globals, List<FunctionDecl> functions, RuntimeLimits limits,
                          ProbeBody... probes) {
        IrProgram ir = new IrProgram(globals, functions, List.of(probes));
        List<KernelPlan> plans = new ArrayList<>();
        for (ProbeBody b : probes) {
            plans.add(plan(b));
        }
        return ModuleBuilder.build(ir, plans, List.of(), limits);
    }

    LoadedModule load(Module m) {
        return new LoadedModule(kr, m, 4321).attach();
    }

    LoadedModule load(List<GlobalDecl> globals, ProbeBody... probes) {
        return load(compile(globals, List.of(), RuntimeLimits.DEFAULTS, probes));
    }

    static void getppid(int times) {
        for (int i = 0; i < times; i++) {
            Native.getppid();
        }
    }
}
