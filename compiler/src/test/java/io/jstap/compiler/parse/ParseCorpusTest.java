package io.jstap.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.ast.AstPrinter;
import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus: every script in parse-ok parses without a diagnostic (and prints back to an equal AST);
 * every script in parse-error gives exactly the diagnostics its leading comments announce, in order:
 * <pre>
 * # expect: parse error: expected ')'
 * # at: 3:12
 * </pre>
 */
class ParseCorpusTest {
    private static final Pattern EXPECT = Pattern.compile("^#\\s*expect:\\s*(.*?)\\s*$");
    private static final Pattern AT = Pattern.compile("^#\\s*at:\\s*(\\d+):(\\d+)\\s*$");

    /** The script arguments corpus scripts may use ($1, @2, $#). */
    static final PreprocessorContext CTX = PreprocessorContext.defaults().withScriptArgs(List.of("10", "sshd"));

    @TestFactory
    Stream<DynamicTest> parseOk() {
        return Corpus.scripts(Corpus.dir("parse-ok")).stream()
                .map(p -> DynamicTest.dynamicTest("ok " + p.getFileName(), () -> assertParsesCleanly(p)));
    }

    @TestFactory
    Stream<DynamicTest> parseError() {
        List<Path> files = Corpus.scripts(Corpus.dir("parse-error"));
        assertTrue(files.size() >= 45, "the parse-error corpus has " + files.size() + " scripts");
        return files.stream().map(p -> DynamicTest.dynamicTest("error " + p.getFileName(), () -> assertErrors(p)));
    }

    private static void assertParsesCleanly(Path p) {
        Source src = Corpus.source(p);
        ParseResult r = Parser.parse(src, CTX);
        assertEquals("", r.diagnostics().render(), "diagnostics for " + p.getFileName());
        assertFalse(r.script().decls().isEmpty(), "no declarations in " + p.getFileName());
        String printed = AstPrinter.print(r.script());
        ParseResult again = Parser.parse(new Source("printed-" + p.getFileName(), printed), CTX);
        assertEquals("", again.diagnostics().render(), "the printed form does not parse:\n" + printed);
        Script reparsed = again.script();
        assertEquals(r.script(), reparsed, "round trip changed the AST; printed:\n" + printed);
    }

    private static void assertErrors(Path p) {
        Source src = Corpus.source(p);
        List<String> expected = expectations(src.text());
        assertFalse(expected.isEmpty(), p.getFileName() + " has no '# expect:' / '# at:' lines");
        ParseResult r = Parser.parse(src, CTX);
        List<String> actual = new ArrayList<>();
        for (Diagnostic d : r.diagnostics().list()) {
            actual.add(d.kind() + ": " + d.message() + " @ " + d.span().line() + ":" + d.span().col());
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual),
                "diagnostics of " + p.getFileName() + ":\n" + r.diagnostics().render());
        assertTrue(r.diagnostics().hasErrors() || expected.stream().allMatch(e -> e.startsWith("WARNING")));
    }

    /** The expect/at pairs of the leading comment lines, as "kind: message @ line:col". */
    static List<String> expectations(String text) {
        List<String> out = new ArrayList<>();
        String pending = null;
        for (String line : text.split("\n", -1)) {
            Matcher e = EXPECT.matcher(line);
            Matcher a = AT.matcher(line);
            if (e.matches()) {
                pending = e.group(1);
            } else if (a.matches() && pending != null) {
                out.add(pending + " @ " + a.group(1) + ":" + a.group(2));
                pending = null;
            } else if (!line.startsWith("#")) {
                break;
            }
        }
        return out;
    }
}
