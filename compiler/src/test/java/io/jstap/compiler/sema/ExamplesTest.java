package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.diag.Source;
import io.jstap.compiler.probe.ProbeCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example script elaborates cleanly against the tracepoints of a real kernel. */
class ExamplesTest {
    private static final ProbeCatalog FULL = TestCatalog.full();

    @TestFactory
    Stream<DynamicTest> examplesElaborate() throws IOException {
        Path dir = Path.of("..", "scripts", "examples");
        assertTrue(Files.isDirectory(dir), dir.toAbsolutePath().toString());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".stp")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Pipeline.Result r = Pipeline.elaborate(List.of(new Source(f.getFileName().toString(), text)),
                    ElabOptions.defaults(), FULL);
            assertEquals("", r.diagnostics().render());
            assertFalse(r.program().probes().isEmpty());
        }));
    }

    @Test
    void countingEverySyscallIsOneProbeOnEveryTracepoint() throws IOException {
        String text = Files.readString(Path.of("..", "scripts", "examples", "call.stp"), StandardCharsets.UTF_8);
        Pipeline.Result r = Pipeline.elaborate(List.of(new Source("call.stp", text)), ElabOptions.defaults(), FULL);
        assertEquals("", r.diagnostics().render());
        ResolvedProbe all = r.program().probes().get(1);
        assertEquals(FULL.syscalls().size(), all.targets().size());
        assertTrue(all.targets().size() > 300);
    }
}
