package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.diag.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The semantic corpus: every {@code semantic-error/*.stp} lists its diagnostics in leading comment pairs
 * ({@code # expect: semantic error: MESSAGE}, then {@code # at: LINE:COL}) which must match exactly and in
 * order; every {@code semantic-ok/*.stp} must elaborate without any diagnostic.
 */
class SemanticCorpusTest {

    @TestFactory
    Stream<DynamicTest> semanticErrors() throws Exception {
        List<Path> files = files("corpus/semantic-error");
        assertTrue(files.size() >= 40, "the error corpus has " + files.size() + " scripts");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> checkErrors(f)));
    }

    @TestFactory
    Stream<DynamicTest> semanticOk() throws Exception {
        List<Path> files = files("corpus/semantic-ok");
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            ElabResult r = Elab.run(Files.readString(f, StandardCharsets.UTF_8));
            assertEquals("", r.diagnostics().render(), f.getFileName().toString());
            assertFalse(r.program().probes().isEmpty());
        }));
    }

    private static void checkErrors(Path f) throws IOException {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# expect: ")) {
                expected.add(line.substring("# expect: ".length()).strip());
            } else if (line.startsWith("# at: ")) {
                String last = expected.remove(expected.size() - 1);
                expected.add(last + " @ " + line.substring("# at: ".length()).strip());
            }
        }
        assertFalse(expected.isEmpty(), "no '# expect:' lines in " + f);
        ElabResult r = Elab.run(text);
        List<String> actual = new ArrayList<>();
        for (Diagnostic d : r.diagnostics().list()) {
            actual.add(d.kind() + ": " + d.message() + " @ " + d.span().line() + ":" + d.span().col());
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual), () -> r.diagnostics().render());
    }

    private static List<Path> files(String dir) throws URISyntaxException, IOException {
        Path root = Path.of(SemanticCorpusTest.class.getClassLoader().getResource(dir).toURI());
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.toString().endsWith(".stp")).sorted().toList();
        }
    }
}
