package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.tapset.TapsetLibrary;
import io.jstap.compiler.tapset.TapsetLoader;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Syscall aliases are synthesised only for scripts whose probe points could name one. */
class LazySyscallAliasesTest {

    /** Elaborates {@code text} against a fresh library; returns how often it synthesised its aliases. */
    private static int syntheses(String text) {
        AtomicInteger calls = new AtomicInteger();
        TapsetLibrary shipped = TapsetLoader.load(List.of(), Elab.CATALOG, new Diagnostics());
        TapsetLibrary lib = new TapsetLibrary(shipped.scripts(), () -> {
            calls.incrementAndGet();
            return TapsetLoader.generated(Elab.CATALOG);
        });
        Script s = Elab.parse("test.stp", text);
        ElabResult r = Elaborator.elaborate(List.of(s), ElabOptions.defaults(), Elab.CATALOG, lib);
        assertFalse(r.diagnostics().hasErrors(), () -> r.diagnostics().render());
        return calls.get();
    }

    @Test
    void scriptsWithoutSyscallPointsNeverSynthesise() {
        assertEquals(0, syntheses("probe begin { printf(\"hello\\n\"); exit() }"));
        assertEquals(0, syntheses("global n probe timer.ms(10) { n++ } probe end { println(ctime(0)) }"));
        assertEquals(0, syntheses("probe kernel.trace(\"sched:sched_switch\") { next }"));
    }

    @Test
    void syscallPointsAndPatternsThatCoverThemSynthesiseOnce() {
        assertEquals(1, syntheses("probe syscall.openat { println(filename) }"));
        assertEquals(1, syntheses("probe syscall.*, syscall.*.return { next }"));
        assertEquals(1, syntheses("probe nd_syscall.read { next }"));
        assertEquals(1, syntheses("probe sys*.read { next }"));
    }

    @Test
    void aSynthesisedAliasWithAHandWrittenTwinIsDropped() {
        TapsetLibrary lib = TapsetLoader.load(List.of(), Elab.CATALOG, new Diagnostics());
        long openat = 0;
        for (Decl.ProbeAlias a : lib.aliases()) {
            openat += a.names().stream().filter(n -> TapsetLibrary.dotted(n).equals("syscall.openat")).count();
        }
        assertEquals(1, openat);
        assertEquals(lib.writtenAliases().size() + lib.generatedAliases().size(), lib.aliases().size());
    }
}
