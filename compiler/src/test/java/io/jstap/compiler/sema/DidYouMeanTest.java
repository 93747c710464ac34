package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static List<String> notes(String script) {
        return Elab.run(script).diagnostics().list().get(0).notes();
    }

    @Test
    void nearestNamesFirst() {
        assertEquals(List.of("print", "printf", "sprintf"), DidYouMean.suggest("prinf",
                List.of("sprintf", "print", "printf", "println", "exit", "strlen")));
        assertEquals(List.of(), DidYouMean.suggest("zzzzzz", List.of("printf", "exit")));
        assertEquals(3, DidYouMean.distance("kitten", "sitting", 5));
        assertEquals(1, DidYouMean.distance("prinft", "printf", 5));
    }

    @Test
    void unknownFunctions() {
        assertEquals(List.of("did you mean: print printf printd sprint sprintf?"),
                notes("probe begin { prinft(\"x\") }"));
        assertEquals(List.of("did you mean: thread_indent?"), notes("probe begin { print(thread_indnt(1)) }"));
    }

    @Test
    void unknownProbePoints() {
        assertEquals(List.of("did you mean: syscall?"), notes("probe sycall.read { }"));
        assertEquals(List.of("did you mean: syscall.open?"), notes("probe syscall.opne { }"));
        assertEquals(List.of("did you mean: syscall.openat?"), notes("probe syscall.opneat { }"));
        assertEquals(List.of("did you mean: sched:sched_switch?"), notes("probe kernel.trace(\"sched:sched_swich\") { }"));
        assertEquals(List.of("did you mean: main?"), notes("probe process(\"/bin/bash\").function(\"mian\") { }"));
        assertEquals(List.of("did you mean: timer.ms timer.msec timer.ns timer.s timer.us?"),
                notes("probe timer.mss(1) { }"));
    }

    @Test
    void unknownVariables() {
        assertEquals(List.of("did you mean: total?"),
                notes("global total probe begin { total = 1; print(totl) }"));
    }
}
