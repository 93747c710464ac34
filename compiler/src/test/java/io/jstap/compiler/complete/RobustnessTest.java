package io.jstap.compiler.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every cursor position of real and broken scripts completes without failing, within the word's bounds. */
class RobustnessTest {

    private static final List<String> SCRIPTS = List.of(
        "global reads, writes[100]\n"
            + "probe syscall.read { reads++; writes[execname()] <<< $count }\n"
            + "probe kernel.trace(\"sched:sched_switch\") if (pid() > 1) { printf(\"%s\\n\", $prev_comm) }\n"
            + "probe timer.s(5), end { foreach ([k+] in writes limit 10) printf(\"%s %d\\n\", k, @count(writes[k])) }\n",
        "function f:long (a:long, b:string) { /* { ( */ return a + strlen(b) } # trailing {\n"
            + "@define twice(x) %( 2 * @x %)\n"
            + "%( kernel_v >= \"5.0\" %? probe process(\"/bin/bash\").function(\"main\").return { print($return) } %)",
        "probe )) ((( }} \"unterminated \\\" string { probe syscall. $$ @ -> %{ embedded",
        ":dump syscalllist --top 5 --json",
        "probe myread = syscall.read, vfs.* ? { x = $fd } probe perf.sw.cpu_clock.sample(1000) { }");

    @Test
    void everyCursorPositionCompletes() {
        CompletionAnalyzer analyzer = Fixture.analyzer(Fixture.NO_KPROBES);
        int positions = 0;
        for (String script : SCRIPTS) {
            for (int end = 0; end <= script.length(); end++) {
                String prefix = script.substring(0, end);
                for (String buffer : List.of(prefix, script)) {
                    Completion c = analyzer.complete(buffer, end);
                    assertFalse(c.note().startsWith("completion failed"), () -> c.note() + " at " + buffer);
                    assertTrue(c.replaceFrom() >= 0 && c.replaceFrom() <= end, () -> "replaceFrom " + c.replaceFrom());
                    positions++;
                }
                analyzer.isComplete(prefix);
            }
        }
        assertTrue(positions > 1000);
    }

    @Test
    void cursorOutsideTheBufferIsClamped() {
        CompletionAnalyzer analyzer = Fixture.analyzer(Fixture.NO_KPROBES);
        assertEquals(List.of("begin"), analyzer.complete("probe be", 99).values());
        assertEquals(0, analyzer.complete("probe be", -5).replaceFrom());
        assertTrue(analyzer.complete(null, 0).candidates().isEmpty());
    }

    @Test
    void failingSourceBecomesANote() {
        CompletionSources broken = new Fixture.Sources(Fixture.catalog(Fixture.NO_KPROBES)) {
            @Override
            public java.util.Collection<String> aliasNames() {
                throw new IllegalStateException("tapset directory unreadable");
            }
        };
        Completion c = new CompletionAnalyzer(broken, Fixture.defaultPaths()).complete("probe sys", 9);
        assertTrue(c.candidates().isEmpty());
        assertEquals("completion failed: tapset directory unreadable", c.note());
    }
}
