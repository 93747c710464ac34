package io.jstap.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.ast.AstPrinter;
import io.jstap.compiler.diag.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example scripts: they parse, print as their reviewed golden {@code -p1} text
 * (corpus/parse-ok/p1/NAME.p1), and print back to an equal AST. Run with {@code -Dgolden.update=true} to
 * rewrite the golden files after a deliberate change, then review the diff.
 */
class ExamplesTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @Test
    void thereAreEnoughExamples() {
        assertTrue(Corpus.scripts(Corpus.examples()).size() >= 15);
    }

    @TestFactory
    Stream<DynamicTest> goldenPassOneOutput() {
        Path golden = Corpus.dir("parse-ok").resolve("p1");
        return Corpus.scripts(Corpus.examples()).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> {
                    ParseResult r = Parser.parse(Corpus.source(p), PreprocessorContext.defaults());
                    assertEquals("", r.diagnostics().render());
                    String printed = AstPrinter.print(r.script());
                    Path expected = golden.resolve(p.getFileName().toString().replace(".stp", ".p1"));
                    if (UPDATE) {
                        Files.createDirectories(golden);
                        Files.writeString(expected, printed, StandardCharsets.UTF_8);
                    }
                    assertEquals(read(expected), printed);
                }));
    }

    @TestFactory
    Stream<DynamicTest> printedExamplesParseToTheSameAst() {
        return Corpus.scripts(Corpus.examples()).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
                () -> {
                    for (List<String> args : List.of(List.<String>of(), List.of("3"))) {
                        PreprocessorContext ctx = PreprocessorContext.defaults().withScriptArgs(args);
                        ParseResult r = Parser.parse(Corpus.source(p), ctx);
                        String printed = AstPrinter.print(r.script());
                        ParseResult again = Parser.parse(new Source("printed", printed), ctx);
                        assertEquals("", again.diagnostics().render());
                        assertEquals(r.script(), again.script());
                        assertEquals(printed, AstPrinter.print(again.script()), "printing is not stable");
                    }
                }));
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "(missing " + p + ")";
    }
}
