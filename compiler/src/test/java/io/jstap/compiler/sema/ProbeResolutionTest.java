package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProbeResolutionTest {

    private static List<ProbeTarget> targets(String script) {
        return Elab.ok(script).probes().stream().flatMap(p -> p.targets().stream()).collect(Collectors.toList());
    }

    private static ProbeTarget only(String point) {
        List<ProbeTarget> t = targets("probe " + point + " { }");
        assertEquals(1, t.size(), t.toString());
        return t.get(0);
    }

    @Test
    void beginEndErrorNever() {
        assertEquals(new ProbeTarget.Begin(0), only("begin"));
        assertEquals(new ProbeTarget.Begin(-1), only("begin(-1)"));
        assertEquals(new ProbeTarget.End(5), only("end(5)"));
        assertEquals(new ProbeTarget.Error(0), only("error"));
        assertEquals(new ProbeTarget.Never(), only("never"));
    }

    @Test
    void timers() {
        assertEquals(new ProbeTarget.Timer(2_000_000_000L, 0), only("timer.s(2)"));
        assertEquals(new ProbeTarget.Timer(2_000_000_000L, 0), only("timer.sec(2)"));
        assertEquals(new ProbeTarget.Timer(100_000_000L, 10_000_000L), only("timer.ms(100).randomize(10)"));
        assertEquals(new ProbeTarget.Timer(50_000L, 0), only("timer.us(50)"));
        assertEquals(new ProbeTarget.Timer(123_456L, 0), only("timer.ns(123456)"));
        assertEquals(new ProbeTarget.Timer(1_000_000L, 0), only("timer.hz(1000)"));
        assertEquals(new ProbeTarget.Timer(2 * ProbeFamilies.JIFFY_NS, 0), only("timer.jiffies(2)"));
        assertEquals(new ProbeTarget.Profile(), only("timer.profile"));
        assertEquals(new ProbeTarget.Profile(), only("timer.profile.tick"));
        assertEquals("timer.ms(100).randomize(10)", new ProbeTarget.Timer(100_000_000L, 10_000_000L).pp());
        assertEquals("timer.ns(123456)", new ProbeTarget.Timer(123_456L, 0).pp());
    }

    @Test
    void tracepoints() {
        ProbeTarget t = only("kernel.trace(\"sched:sched_switch\")");
        assertTrue(t instanceof ProbeTarget.Tracepoint tp && tp.event().equals("sched_switch")
                && tp.format().field("prev_comm").isPresent());
        assertEquals("kernel.trace(\"sched:sched_switch\")", t.pp());
        // Without a category the event name is matched in every category.
        assertEquals(t, only("kernel.trace(\"sched_switch\")"));
        assertEquals(5, targets("probe kernel.trace(\"sched:*\") { }").size());
        assertEquals(11, targets("probe kernel.trace(\"syscalls:sys_enter_*\") { }").size());
        assertEquals(2, targets("probe kernel.trace(\"sched:sched_process_ex*\") { }").size());
    }

    @Test
    void uprobesAndUsdt() {
        assertEquals(new ProbeTarget.Uprobe("/bin/bash", "main", false),
                only("process(\"/bin/bash\").function(\"main\")"));
        assertEquals(new ProbeTarget.Uprobe("/bin/bash", "main", true),
                only("process(\"bash\").function(\"main\").return"));
        assertEquals(new ProbeTarget.Uprobe("/bin/bash", "main", false),
                only("process(\"/bin/bash\").function(\"main\").call"));
        assertEquals(List.of(new ProbeTarget.Uprobe("/bin/bash", "xfree", false),
                new ProbeTarget.Uprobe("/bin/bash", "xmalloc", false)),
                targets("probe process(\"/bin/bash\").function(\"x*\") { }"));
        assertEquals(new ProbeTarget.Usdt("/bin/bash", "bash", "readline_start", new io.jstap.compiler.probe.UsdtProbe(
                "bash", "readline_start", 0x1234, 0, "-4@%edi 8@-16(%rbp)")),
                only("process(\"/bin/bash\").mark(\"readline_start\")"));
        ProbeTarget.ProcessBegin begin = (ProbeTarget.ProcessBegin) only("process.begin");
        assertEquals("process.begin", begin.pp());
        assertEquals(null, begin.exe());
        assertEquals("sched:sched_process_exec", begin.exec().category() + ":" + begin.exec().event());
        assertEquals(List.of(), begin.forks()); // the small catalog has no clone/fork exit events
        ProbeTarget.ProcessEnd end = (ProbeTarget.ProcessEnd) only("process(\"/bin/bash\").end");
        assertEquals("process(\"/bin/bash\").end", end.pp());
        assertEquals(new io.jstap.compiler.probe.FileId(0xfe00000L, 9), end.exe());
        assertEquals("sched_process_exit", end.exit().event());
        assertEquals("process(7).end", only("process(7).end").pp());
    }

    @Test
    void perfEvents() {
        assertEquals(new ProbeTarget.PerfEvent(1, 0, 1000, "perf.sw.cpu_clock", null),
                only("perf.sw.cpu_clock.sample(1000)"));
        assertEquals(new ProbeTarget.PerfEvent(1, 3, ProbeFamilies.DEFAULT_PERF_PERIOD, "perf.sw.context_switches",
                "/bin/bash"), only("perf.sw.context_switches.process(\"/bin/bash\")"));
        assertEquals(new ProbeTarget.PerfEvent(1, 2, 10, "perf.type(1).config(2)", null),
                only("perf.type(1).config(2).sample(10)"));
        assertEquals(ProbeFamilies.SOFTWARE_EVENTS.size(), targets("probe perf.sw.* { }").size());
        ElabResult hw = Elab.run("probe perf.hw.cpu_cycles.sample(100000), perf.hw.cache_misses { }", Elab.KPROBES,
                ElabOptions.defaults());
        assertEquals("", hw.diagnostics().render());
        assertEquals(List.of(new ProbeTarget.PerfEvent(0, 0, 100000, "perf.hw.cpu_cycles", null),
                new ProbeTarget.PerfEvent(0, 3, ProbeFamilies.DEFAULT_PERF_PERIOD, "perf.hw.cache_misses", null)),
                hw.program().probes().stream().map(p -> p.targets().get(0)).collect(Collectors.toList()));
        assertEquals("perf.hw.cpu_cycles.sample(100000)", hw.program().probes().get(0).targets().get(0).pp());
    }

    @Test
    void kprobesWhereTheKernelHasThem() {
        ElabResult r = Elab.run("probe kernel.function(\"vfs_read\").return { } probe module(\"ext4\").function(\"ext4_sync_fs\") { }"
                + " probe kernel.statement(0xffffffff81000000).absolute { } probe kprobe.function(\"do_exit\").return { }",
                Elab.KPROBES, ElabOptions.defaults());
        assertEquals("", r.diagnostics().render());
        assertEquals(List.of(new ProbeTarget.Kprobe(null, "vfs_read", 0, true),
                new ProbeTarget.Kprobe("ext4", "ext4_sync_fs", 0, false),
                new ProbeTarget.Kprobe(null, null, 0xffffffff81000000L, false),
                new ProbeTarget.Kprobe(null, "do_exit", 0, true)),
                r.program().probes().stream().map(p -> p.targets().get(0)).collect(Collectors.toList()));
    }

    @Test
    void kprobesWithoutKprobeSupportExplainWhatToUseInstead() {
        ElabResult r = Elab.run("probe kernel.function(\"__x64_sys_openat\") { }");
        assertEquals(List.of("kernel.function probes need kprobes (the 'kprobe' perf PMU, CONFIG_KPROBE_EVENTS),"
                + " which this kernel does not offer"), Elab.errors(r));
        assertEquals(List.of("use syscall.openat (or kernel.trace(\"syscalls:sys_enter_openat\")) instead"),
                r.diagnostics().list().get(0).notes());
        ElabResult vfs = Elab.run("probe kernel.function(\"vfs_read\") { }");
        assertTrue(vfs.diagnostics().list().get(0).notes().contains(
                "use vfs.read, which is built on the read/write syscall tracepoints"));
    }

    @Test
    void optionalPointsMayResolveToNothing() {
        Program p = Elab.ok("probe kernel.function(\"vfs_read\")?, syscall.read { }");
        assertEquals(1, p.probes().size());
        assertEquals("kernel.trace(\"syscalls:sys_enter_read\")", p.probes().get(0).targets().get(0).pp());
        assertEquals(0, Elab.ok("probe nosuch.point?, kernel.trace(\"no:such\")? { } probe begin { }").probes().size() - 1);
    }

    @Test
    void sufficientPointsStopTheList() {
        // Without kprobes the first point fails quietly (! implies ?), so the syscall is used.
        Program without = Elab.ok("probe kernel.function(\"vfs_read\")!, syscall.read { }");
        assertEquals(1, without.probes().size());
        assertTrue(without.probes().get(0).targets().get(0) instanceof ProbeTarget.Tracepoint);
        // With kprobes the first point resolves and the rest is not looked at.
        ElabResult with = Elab.run("probe kernel.function(\"vfs_read\")!, syscall.read { }", Elab.KPROBES,
                ElabOptions.defaults());
        assertEquals(1, with.program().probes().size());
        assertEquals(new ProbeTarget.Kprobe(null, "vfs_read", 0, false), with.program().probes().get(0).targets().get(0));
    }

    @Test
    void syscallWildcardsMatchEverySyscallOnce() {
        int syscalls = Elab.CATALOG.syscalls().size();
        assertEquals(11, syscalls);
        assertEquals(syscalls, targets("probe syscall.* { }").size());
        assertEquals(syscalls, targets("probe nd_syscall.* { }").size());
        assertEquals(syscalls, targets("probe syscall.*.return { }").size());
        assertEquals(2, targets("probe syscall.open* { }").size());
        // newfstat is known by its stap name too, but matched once.
        assertEquals(1, targets("probe syscall.*fstat { }").size());
        assertEquals(1, targets("probe syscall.fstat { }").size());
        assertEquals(1, targets("probe syscall.newfstat { }").size());
        // One probe per alias while the body reads what the aliases set.
        assertEquals(syscalls, Elab.ok("probe syscall.* { print(name) }").probes().size());
    }

    @Test
    void targetsShareABodyUnlessItDependsOnThem() {
        Program shared = Elab.ok("global n probe kernel.trace(\"syscalls:sys_enter_*\") { n++ }");
        assertEquals(1, shared.probes().size());
        assertEquals(11, shared.probes().get(0).targets().size());
        Program split = Elab.ok("global n probe kernel.trace(\"syscalls:sys_enter_*\") { n[pp()]++ }");
        assertEquals(11, split.probes().size());
        Program vars = Elab.ok("probe kernel.trace(\"syscalls:sys_enter_*\") { println($$vars) }");
        assertEquals(11, vars.probes().size());
    }

    @Test
    void vfsAliasesSitOnTheSyscalls() {
        Program p = Elab.ok("probe vfs.read { printf(\"%d %d %d\\n\", file, bytes_to_read, pos) }");
        assertEquals(List.of("kernel.trace(\"syscalls:sys_enter_read\")", "kernel.trace(\"syscalls:sys_enter_pread64\")"),
                p.probes().stream().map(r -> r.targets().get(0).pp()).collect(Collectors.toList()));
        Program ret = Elab.ok("probe vfs.write.return { printf(\"%d %s\\n\", bytes_written, error_str) }");
        assertEquals(1, ret.probes().size());
    }
}
