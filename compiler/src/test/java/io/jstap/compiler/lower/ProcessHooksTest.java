package io.jstap.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.bpfgen.KernelPlan;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.ir.IrPrinter;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.parse.Parser;
import io.jstap.compiler.parse.PreprocessorContext;
import io.jstap.compiler.probe.TaskLayout;
import io.jstap.compiler.sema.ElabOptions;
import io.jstap.compiler.sema.ElabResult;
import io.jstap.compiler.sema.Elaborator;
import io.jstap.compiler.sema.TestCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Process probes lowered to their tracepoints and uprobes, and the guard each program tests first. */
class ProcessHooksTest {

    private static final TaskLayout LAYOUT = new TaskLayout(1280, 1268, 1136, 1312, 32, 64, 40, 16);

    private static List<KernelPlan> plans(String text, TaskLayout layout) {
        var parsed = Parser.parse(new Source("t.stp", text), PreprocessorContext.defaults());
        ElabResult er = Elaborator.elaborate(List.of(parsed.script()), ElabOptions.defaults(), TestCatalog.full());
        assertFalse(er.diagnostics().hasErrors(), er.diagnostics().render());
        Diagnostics d = new Diagnostics();
        LoweredProgram p = Lowering.lower(er.program(), d, "x86_64", layout);
        assertFalse(d.hasErrors(), d.render());
        return p.kernelProbes();
    }

    private static List<String> attach(KernelPlan p) {
        return p.attach().stream().map(a -> a instanceof Attach.Tracepoint t ? t.event()
                : "raw " + ((Attach.RawTracepoint) a).name()).toList();
    }

    /** The first statement of the body: the hook's {@code if (!guard) next}. */
    private static String guard(KernelPlan p) {
        Stmt first = ((Stmt.Block) p.body().body()).stmts().get(0);
        return IrPrinter.print(((Stmt.If) first).cond());
    }

    private static final String TARGET_OR_ANCESTOR = "((((((((target() == 0) || (pid() == target())) "
            + "|| (__task_u32(1280, 1268) == target())) || (__task_u32(1280, 1280, 1268) == target())) "
            + "|| (__task_u32(1280, 1280, 1280, 1268) == target())) "
            + "|| (__task_u32(1280, 1280, 1280, 1280, 1268) == target())) "
            + "|| (__task_u32(1280, 1280, 1280, 1280, 1280, 1268) == target())) "
            + "|| (__task_u32(1280, 1280, 1280, 1280, 1280, 1280, 1268) == target()))";

    @Test
    void beginIsExecPlusTheChildSideOfEveryFork() {
        List<KernelPlan> ps = plans("probe process.begin { printf(\"%d\\n\", pid()) }", LAYOUT);
        assertEquals(2, ps.size());
        assertEquals(List.of("sched_process_exec"), attach(ps.get(0)));
        assertEquals("!(" + TARGET_OR_ANCESTOR + ")", guard(ps.get(0)));
        // the syscall exits move to the raw sys_exit tracepoint, dispatching on the syscall number
        assertEquals(List.of("raw sys_exit"), attach(ps.get(1)));
        // clone 56, fork 57, vfork 58, clone3 435; the return value is raw argument 1
        assertEquals("{\n  __syscall_nr = register(\"orig_ax\")\n"
                + "  if (!((((__syscall_nr >= 56) && (__syscall_nr <= 58)) || (__syscall_nr == 435))))\n    next\n"
                + "  {\n    if (!(((($arg2 == 0) && (pid() == tid())) && " + TARGET_OR_ANCESTOR + ")))\n      next\n"
                + "    {\n      printf(\"%d\\n\", pid())\n    }\n  }\n}", IrPrinter.print(ps.get(1).body().body()).strip());
    }

    @Test
    void endOfAPathIsTheLastThreadRunningThatInode() {
        List<KernelPlan> ps = plans("probe process(\"/bin/bash\").end { }", LAYOUT);
        assertEquals(1, ps.size());
        assertEquals(List.of("sched_process_exit"), attach(ps.get(0)));
        assertEquals("!((($group_dead /* offset 32 size 1 */ != 0) && (" + TARGET_OR_ANCESTOR
                + " && ((__task_u32(1136, 1312, 32, 64) == 9) && (__task_u32(1136, 1312, 32, 40, 16) == 266338304)))))",
                guard(ps.get(0)));
    }

    @Test
    void aMarkWithoutAnAddressIsReported() {
        var parsed = Parser.parse(new Source("t.stp", "probe process(\"/bin/bash\").mark(\"x\") { }"),
                PreprocessorContext.defaults());
        io.jstap.compiler.probe.FixedProbeCatalog names = new io.jstap.compiler.probe.FixedProbeCatalog(
                java.util.EnumSet.of(io.jstap.compiler.probe.KernelFeature.UPROBE), "6.18") {
            @Override
            public List<String> usdtProbes(String binaryPath) {
                return List.of("p:x");
            }
        }.addBinary("/bin/bash", List.of("main"));
        ElabResult er = Elaborator.elaborate(List.of(parsed.script()), ElabOptions.defaults(), names);
        assertFalse(er.diagnostics().hasErrors(), er.diagnostics().render());
        Diagnostics d = new Diagnostics();
        Lowering.lower(er.program(), d, "x86_64", LAYOUT);
        assertEquals("cannot attach process(\"/bin/bash\").mark(\"x\"): its address is not in a loadable segment of "
                + "/bin/bash (or the probe catalog lists the mark by name only)", d.list().get(0).message());
    }

    @Test
    void functionsAndMarksAreLimitedToTheTarget() {
        List<KernelPlan> ps = plans("probe process(\"/bin/bash\").function(\"main\") { }", LAYOUT);
        assertEquals("!(" + TARGET_OR_ANCESTOR + ")", guard(ps.get(0)));
        // without the kernel's layout only the target itself can be recognised
        ps = plans("probe process(\"/bin/bash\").function(\"main\") { }", null);
        assertEquals("!(((target() == 0) || (pid() == target())))", guard(ps.get(0)));
        // kernel probes that are not process probes get no guard
        ps = plans("probe kernel.trace(\"sched:sched_switch\") { }", LAYOUT);
        assertEquals(0, ((Stmt.Block) ps.get(0).body().body()).stmts().stream()
                .filter(s -> s instanceof Stmt.If).count());
    }
}
