package io.jstap.compiler.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.probe.KernelFeature;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbePointCompletionTest {

    private final CompletionAnalyzer analyzer = Fixture.analyzer(Fixture.NO_KPROBES);

    private Completion at(String marked) {
        return Marked.complete(analyzer, marked);
    }

    @Test
    void familyByPrefix() {
        Completion c = at("probe be|");
        assertEquals(6, c.replaceFrom());
        assertEquals(List.of("begin"), c.values());
        Candidate begin = c.candidates().get(0);
        assertEquals(Kind.PROBE_COMPONENT, begin.kind());
        assertTrue(begin.complete());
    }

    @Test
    void allFamiliesWithAliasHeads() {
        assertEquals(List.of("begin", "end", "error", "kernel.", "nd_syscall.", "never", "perf.", "process",
            "syscall.", "timer.", "vfs."), at("probe |").values());
    }

    @Test
    void syscallNamesByPrefix() {
        Completion c = at("probe syscall.ope|");
        assertEquals(14, c.replaceFrom());
        assertEquals(List.of("open", "open_by_handle_at", "openat"), c.values());
        assertFalse(c.candidates().get(0).complete(), "syscall.open may continue with .return");
    }

    @Test
    void allSyscallsPlusWildcardAndAliasOnlyNames() {
        assertEquals(List.of("*", "close", "mmap2", "open", "open_by_handle_at", "openat", "read"),
            at("probe syscall.|").values());
    }

    @Test
    void syscallReturn() {
        assertEquals(List.of("return"), at("probe syscall.read.|").values());
        Completion c = at("probe syscall.openat.re|");
        assertEquals(List.of("return"), c.values());
        assertTrue(c.candidates().get(0).complete());
    }

    @Test
    void wildcardSyscallStillOffersReturn() {
        assertEquals(List.of("return"), at("probe syscall.*.|").values());
    }

    @Test
    void tracepointsByPrefixInsideTheString() {
        Completion c = at("probe kernel.trace(\"sch|");
        assertEquals(20, c.replaceFrom());
        assertEquals(List.of("sched:sched_process_exec\")", "sched:sched_switch\")", "sched:sched_wakeup\")"),
            c.values());
        assertEquals("sched:sched_switch", c.candidates().get(1).display());
        assertEquals(Kind.TRACEPOINT, c.candidates().get(1).kind());
        assertTrue(c.candidates().get(1).complete());
    }

    @Test
    void tracepointEventsOfOneCategory() {
        assertEquals(List.of("sched:sched_process_exec\")", "sched:sched_switch\")", "sched:sched_wakeup\")"),
            at("probe kernel.trace(\"sched:|").values());
        assertEquals(List.of("sched:sched_switch\")"), at("probe kernel.trace(\"sched:sched_sw|").values());
    }

    @Test
    void substringMatchWhenNoPrefixMatches() {
        assertEquals(List.of("sched:sched_switch\")"), at("probe kernel.trace(\"SWITCH|").values());
        assertEquals(List.of("open_by_handle_at"), at("probe syscall.handle|").values());
        assertEquals(List.of("close"), at("probe syscall.los|").values());
    }

    @Test
    void closingQuoteNotRepeatedWhenAlreadyThere() {
        Completion c = at("probe kernel.trace(\"sched:sched_sw|\") { }");
        assertEquals(List.of("sched:sched_switch"), c.values());
    }

    @Test
    void argumentWithoutOpeningQuote() {
        Completion c = at("probe kernel.trace(|");
        assertEquals(19, c.replaceFrom());
        assertEquals("\"block:block_rq_issue\")", c.values().get(0));
        assertEquals(10, c.candidates().size());
    }

    @Test
    void componentSuffixNotRepeatedWhenAlreadyThere() {
        assertEquals(List.of("trace"), at("probe kernel.tr|(\"sched:sched_switch\")").values());
        assertEquals(List.of("syscall"), at("probe sys|.read").values());
    }

    @Test
    void timers() {
        assertEquals(List.of("hz(", "jiffies(", "ms(", "ns(", "profile", "s(", "us("), at("probe timer.|").values());
    }

    @Test
    void timerArgumentExplainsItself() {
        Completion c = at("probe timer.ms(|");
        assertTrue(c.candidates().isEmpty());
        assertEquals("timer.ms: every N milliseconds", c.note());
        assertEquals(List.of("randomize("), at("probe timer.ms(100).|").values());
    }

    @Test
    void perfEvents() {
        assertEquals(List.of("hw.", "sw."), at("probe perf.|").values());
        assertEquals(List.of("cpu_clock", "cpu_migrations"), at("probe perf.sw.cpu_|").values());
        assertEquals(List.of("sample("), at("probe perf.sw.cpu_clock.|").values());
    }

    @Test
    void unavailableFeatureIsNoted() {
        Completion c = at("probe perf.hw.cpu_c|");
        assertEquals(List.of("cpu_cycles"), c.values());
        assertTrue(c.candidates().get(0).description().contains("not available"), c.candidates().get(0).description());
        Completion sw = at("probe perf.sw.cpu_c|");
        assertFalse(sw.candidates().get(0).description().contains("not available"));
    }

    @Test
    void processDirectories() {
        Completion c = at("probe process(\"/usr/b|");
        assertEquals(15, c.replaceFrom());
        assertEquals(List.of("/usr/bin/"), c.values());
        assertEquals("bin/", c.candidates().get(0).display());
        assertFalse(c.candidates().get(0).complete());
    }

    @Test
    void processFilesCloseTheArgument() {
        Completion c = at("probe process(\"/usr/bin/py|");
        assertEquals(List.of("/usr/bin/pydoc3\")", "/usr/bin/python3\")"), c.values());
        assertEquals(Kind.PATH, c.candidates().get(0).kind());
        assertFalse(c.candidates().get(0).complete(), "process(...) continues with .function");
    }

    @Test
    void processBareNamesFromPath() {
        assertEquals(List.of("basename\")", "bash\")"), at("probe process(\"ba|").values());
    }

    @Test
    void functionSymbolsOfTheBinary() {
        Completion c = at("probe process(\"/bin/bash\").function(\"exe|");
        assertEquals(List.of("execute_command\")", "execute_command_internal\")"), c.values());
        assertEquals(Kind.SYMBOL, c.candidates().get(0).kind());
    }

    @Test
    void functionSymbolsResolveBareProgramNames() {
        assertEquals(List.of("main\")"), at("probe process(\"bash\").function(\"ma|").values());
    }

    @Test
    void unknownProgramIsExplained() {
        Completion c = at("probe process(\"/nope\").function(\"|");
        assertTrue(c.candidates().isEmpty());
        assertEquals("cannot find the program /nope", c.note());
        assertEquals("name the program first: process(\"PATH\").function(\"...\")",
            at("probe process.function(\"ma|").note());
    }

    @Test
    void processComponents() {
        assertEquals(List.of("begin", "end", "function(\"", "mark(\""), at("probe process(\"/bin/bash\").|").values());
        assertEquals(List.of("call", "return"), at("probe process(\"/bin/bash\").function(\"main\").|").values());
    }

    @Test
    void usdtMarks() {
        Completion c = at("probe process(\"/usr/bin/python3\").mark(\"function|");
        assertEquals(List.of("function__entry\")", "function__return\")"), c.values());
        assertEquals("provider python", c.candidates().get(0).description());
    }

    @Test
    void kernelFunctionExplainsKprobes() {
        Completion none = at("probe kernel.function(\"|");
        assertTrue(none.candidates().isEmpty());
        assertTrue(none.note().contains("kprobes are not available on kernel 6.8.0-test"), none.note());
        EnumSet<KernelFeature> withKprobes = EnumSet.copyOf(Fixture.NO_KPROBES);
        withKprobes.add(KernelFeature.KPROBE);
        Completion yes = Marked.complete(Fixture.analyzer(withKprobes), "probe kernel.function(|");
        assertTrue(yes.candidates().isEmpty());
        assertTrue(yes.note().contains("kprobes are available"), yes.note());
    }

    @Test
    void kernelComponents() {
        Completion c = at("probe kernel.|");
        assertEquals(List.of("function(\"", "trace(\""), c.values());
        assertTrue(c.candidates().get(0).description().contains("not available"));
    }

    @Test
    void afterCommaInPointList() {
        assertEquals(List.of("timer."), at("probe begin, ti|").values());
        assertEquals(List.of("close"), at("probe syscall.read.return, syscall.clo|").values());
    }

    @Test
    void aliasComponents() {
        Completion c = at("probe vfs.|");
        assertEquals(List.of("read", "write"), c.values());
        assertFalse(c.candidates().get(0).complete(), "vfs.read continues with .return");
        assertTrue(c.candidates().get(1).complete());
        assertEquals(List.of("read", "readv"), at("probe nd_syscall.re|").values());
    }

    @Test
    void aliasDefinitionRightHandSide() {
        assertEquals(List.of("syscall."), at("probe myread = sysc|").values());
    }

    @Test
    void wildcardPartialOffersNothing() {
        assertTrue(at("probe syscall.op*e|").candidates().isEmpty());
    }

    @Test
    void secondProbeAfterAFinishedOne() {
        assertEquals(List.of("end"), at("probe begin { exit() }\nprobe en|").values());
    }

    @Test
    void unquotedProcessArgumentGetsItsQuote() {
        Completion c = at("probe process(|");
        assertEquals(14, c.replaceFrom());
        assertEquals(List.of("\"basename\")", "\"bash\")", "\"cat\")", "\"python3\")"), c.values());
    }

    @Test
    void wildcardSyscallCandidate() {
        Completion c = at("probe syscall.|");
        assertEquals("*", c.candidates().get(0).value());
        assertEquals("every system call", c.candidates().get(0).description());
    }
}
