package io.jstap.compiler.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.probe.ProbeCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextVarsTest {

    private final ProbeCatalog catalog = Fixture.catalog(Fixture.NO_KPROBES);

    @Test
    void tracepointFields() {
        assertEquals(List.of("$comm:string"), ContextVars.fromCatalog(catalog, "kernel.trace(\"sched:sched_wakeup\")"));
        assertEquals(List.of("$filename:string", "$pid:long"),
            ContextVars.fromCatalog(catalog, "kernel.trace(\"sched:sched_process_exec\")"));
    }

    @Test
    void syscallArguments() {
        assertEquals(List.of("$dfd:long", "$filename:long", "$flags:long", "$mode:long"),
            ContextVars.fromCatalog(catalog, "syscall.openat"));
        assertEquals(List.of("$return:long"), ContextVars.fromCatalog(catalog, "syscall.openat.return"));
    }

    @Test
    void nothingForUnknownOrWildcardPoints() {
        assertEquals(List.of(), ContextVars.fromCatalog(catalog, "syscall.nosuch"));
        assertEquals(List.of(), ContextVars.fromCatalog(catalog, "syscall.*"));
        assertEquals(List.of(), ContextVars.fromCatalog(catalog, "kernel.trace(\"sched:*\")"));
        assertEquals(List.of(), ContextVars.fromCatalog(catalog, "timer.s(1)"));
        assertEquals(List.of(), ContextVars.fromCatalog(catalog, "kernel.trace(\"sched:sched_switch"));
    }

    @Test
    void sourcesMayOverride() {
        CompletionSources custom = new Fixture.Sources(catalog) {
            @Override
            public List<String> contextVars(String point) {
                return point.equals("vfs.read") ? List.of("$file:long", "$count:long") : List.of();
            }
        };
        CompletionAnalyzer a = new CompletionAnalyzer(custom, Fixture.defaultPaths());
        assertEquals(List.of("$count", "$file"), Marked.complete(a, "probe vfs.read { $|").values());
    }
}
