package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.parse.ParseResult;
import io.jstap.compiler.parse.Parser;
import io.jstap.compiler.parse.PreprocessorContext;
import io.jstap.compiler.probe.ProbeCatalog;
import java.util.List;
import java.util.stream.Collectors;

/** Parses script text and elaborates it against {@link TestCatalog}. */
final class Elab {
    static final ProbeCatalog CATALOG = TestCatalog.create();
    static final ProbeCatalog KPROBES = TestCatalog.withKprobes();

    private Elab() {
    }

    static Script parse(String name, String text) {
        return parse(name, text, List.of());
    }

    static Script parse(String name, String text, List<String> args) {
        ParseResult r = Parser.parse(new Source(name, text), PreprocessorContext.defaults().withScriptArgs(args));
        assertFalse(r.diagnostics().hasErrors(), () -> r.diagnostics().render());
        return r.script();
    }

    static ElabResult run(String text) {
        return run(text, CATALOG, ElabOptions.defaults());
    }

    static ElabResult run(String text, ProbeCatalog catalog, ElabOptions options) {
        return Elaborator.elaborate(List.of(parse("test.stp", text, options.scriptArgs())), options, catalog);
    }

    /** A result that must have no errors. */
    static Program ok(String text) {
        ElabResult r = run(text);
        assertFalse(r.diagnostics().hasErrors(), () -> r.diagnostics().render());
        return r.program();
    }

    /** "kind: message" of every diagnostic, in order. */
    static List<String> messages(ElabResult r) {
        return r.diagnostics().list().stream().map(d -> d.kind() + ": " + d.message()).collect(Collectors.toList());
    }

    static List<String> errors(ElabResult r) {
        return r.diagnostics().list().stream().filter(Diagnostic::isError).map(Diagnostic::message)
                .collect(Collectors.toList());
    }
}
