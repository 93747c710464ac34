package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every script of the hostile corpus, run through the real command line: it ends within the limit with
 * exit code 1, its first diagnostic line says what the corpus expects, the position is shown as
 * {@code file:line:col}, and no Java stack trace is printed. Tagged kernel: resolving syscall probes reads
 * the machine's tracepoints, and the run-time cases load a module.
 */
@Tag("kernel")
class HostileCorpusTest {

    static final Duration LIMIT = Duration.ofSeconds(30);

    @TestFactory
    Stream<DynamicTest> everyHostileScriptIsRefusedWithADiagnostic() {
        List<HostileCorpus> all = HostileCorpus.all();
        assertTrue(all.size() >= 60, "the hostile corpus has " + all.size() + " scripts");
        return all.stream().map(c -> DynamicTest.dynamicTest(c.name() + ": " + c.description(), () -> check(c)));
    }

    static void check(HostileCorpus c) {
        InProcessCli.Outcome o = InProcessCli.run(LIMIT, c.args());
        InProcessCli.assertNoStackTrace(o, c.name());
        assertEquals(1, o.status(), () -> c.name() + ": exit code; output:\n" + InProcessCli.head(o.all()));
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.contains(c.expect()), () -> c.name() + ": first line of stderr is\n  " + first
                + "\nexpected it to contain\n  " + c.expect());
        if (!c.at().equals("none")) {
            String where = c.file() + ":" + c.at();
            assertTrue(o.err().contains(where), () -> c.name() + ": no position " + where + " in\n" + o.err());
        }
    }
}
