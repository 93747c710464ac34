package io.jstap.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.bpfgen.KernelPlan;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.exec.BufferSink;
import io.jstap.compiler.exec.HeapMapStore;
import io.jstap.compiler.exec.Interpreter;
import io.jstap.compiler.exec.JvmHostContext;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrWalker;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.ProgKind;
import io.jstap.compiler.module.UserProbe;
import io.jstap.compiler.parse.Parser;
import io.jstap.compiler.parse.PreprocessorContext;
import io.jstap.compiler.sema.ElabOptions;
import io.jstap.compiler.sema.ElabResult;
import io.jstap.compiler.sema.Elaborator;
import io.jstap.compiler.sema.TestCatalog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoweringTest {

    private static LoweredProgram lower(String text) {
        Diagnostics d = new Diagnostics();
        LoweredProgram p = tryLower(text, d);
        assertFalse(d.hasErrors(), d.render());
        return p;
    }

    private static LoweredProgram tryLower(String text, Diagnostics d) {
        var parsed = Parser.parse(new Source("t.stp", text), PreprocessorContext.defaults());
        assertFalse(parsed.diagnostics().hasErrors(), parsed.diagnostics().render());
        ElabResult er = Elaborator.elaborate(List.of(parsed.script()), ElabOptions.defaults(), TestCatalog.create());
        assertFalse(er.diagnostics().hasErrors(), er.diagnostics().render());
        return Lowering.lower(er.program(), d);
    }

    /** Runs every begin probe in the interpreter and returns what it printed. */
    private static String runBegin(LoweredProgram p) {
        BufferSink sink = new BufferSink();
        RuntimeLimits limits = RuntimeLimits.DEFAULTS;
        HeapMapStore store = new HeapMapStore(p.ir().globals(), limits);
        Interpreter in = new Interpreter(p.ir(), store, sink, limits, new JvmHostContext());
        for (UserProbe u : p.userProbes()) {
            if (u.trigger() instanceof UserProbe.Trigger.Begin) {
                in.runProbe(u.ir(), true);
            }
        }
        return sink.text();
    }

    @Test
    void beginProbeRunsInTheInterpreter() {
        LoweredProgram p = lower("global a\nfunction sq(x) { return x * x }\n"
                + "probe begin { a[1] = sq(7); a[2] = 3; foreach (k+ in a) printf(\"%d=%d\\n\", k, a[k]);"
                + " s = \"ab\"; s .= \"cd\"; println(s, \" \", strlen(s)) }");
        assertEquals("1=49\n2=3\nabcd 4\n", runBegin(p));
        assertTrue(p.kernelProbes().isEmpty());
    }

    @Test
    void divisionByZeroNamesTheOperator() {
        LoweredProgram p = lower("probe begin {\n  x = 0\n  y = 10 / x\n}");
        BufferSink sink = new BufferSink();
        HeapMapStore store = new HeapMapStore(p.ir().globals(), RuntimeLimits.DEFAULTS);
        Interpreter in = new Interpreter(p.ir(), store, sink, RuntimeLimits.DEFAULTS, new JvmHostContext());
        var outcome = in.runProbe(p.userProbes().get(0).ir(), true);
        assertEquals("ERROR: division by 0 near operator '/' at t.stp:3:10", outcome.errorLine());
    }

    @Test
    void tracepointProbeBecomesAKernelPlan() {
        LoweredProgram p = lower("global n\nprobe kernel.trace(\"sched:sched_switch\") { n[pid()]++ }");
        assertEquals(1, p.kernelProbes().size());
        KernelPlan k = p.kernelProbes().get(0);
        assertEquals(ProgKind.TRACEPOINT, k.kind());
        assertEquals(List.of(new Attach.Tracepoint("sched", "sched_switch")), k.attach());
    }

    @Test
    void syscallTracepointsMoveToTheRawSyscallTracepoint() {
        LoweredProgram p = lower("global n\nprobe kernel.trace(\"syscalls:sys_enter_getppid\") { n[$__syscall_nr]++ }");
        KernelPlan k = p.kernelProbes().get(0);
        assertEquals(ProgKind.RAW_TRACEPOINT, k.kind());
        assertEquals(List.of(new Attach.RawTracepoint("sys_enter")), k.attach());
        String ir = io.jstap.compiler.ir.IrPrinter.print(k.body());
        assertTrue(ir.contains("110"), ir);
    }

    @Test
    void wildcardSyscallsShareOneProgramWhenTheBodyIgnoresAliasVariables() {
        LoweredProgram p = lower("global n\nprobe syscall.* { n[execname()]++ }");
        assertEquals(1, p.kernelProbes().size(), "one program for all syscalls");
        assertEquals(List.of(new Attach.RawTracepoint("sys_enter")), p.kernelProbes().get(0).attach());
    }

    @Test
    void syscallArgumentsAreReadFromRegistersOnTheRawTracepoint() {
        LoweredProgram p = lower("probe syscall.read { printf(\"%d\\n\", fd) }\nprobe syscall.read.return { println($return) }");
        assertEquals(2, p.kernelProbes().size());
        String enter = io.jstap.compiler.ir.IrPrinter.print(p.kernelProbes().get(0).body());
        assertTrue(enter.contains("di"), enter);
        assertEquals(List.of(new Attach.RawTracepoint("sys_exit")), p.kernelProbes().get(1).attach());
    }

    @Test
    void aliasVariablesTheBodyReadsAreKept() {
        LoweredProgram p = lower("probe syscall.read { printf(\"%d\\n\", fd) }");
        KernelPlan k = p.kernelProbes().get(0);
        List<Expr> fields = new ArrayList<>();
        new IrWalker() {
            @Override
            protected boolean enter(Expr e) {
                if (e instanceof Expr.Register) {
                    fields.add(e);
                }
                return true;
            }
        }.walk(k.body().body());
        assertEquals(1, fields.size(), "only fd is read");
    }

    @Test
    void histogramShapeComesFromItsUse() {
        LoweredProgram p = lower("global s\nprobe begin { s <<< 1; s <<< 100; print(@hist_linear(s, 0, 100, 10)) }");
        assertEquals("LINEAR", p.ir().global("s").orElseThrow().histogram().type().name());
    }

    @Test
    void unsupportedConstructsAreDiagnostics() {
        Diagnostics d = new Diagnostics();
        tryLower("probe begin { if (\"a\" =~ \"b\") println(1) }", d);
        assertTrue(d.hasErrors());
        assertTrue(d.render().contains("regular expression"), d.render());
    }
}
