package io.jstap.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import org.junit.jupiter.api.Test;

/** The full text of diagnostics as users see them, and where AST spans point. */
class DiagnosticTextTest {

    @Test
    void aSyntaxErrorReadsLikeStaps() {
        ParseResult r = Parser.parse(new Source("t.stp", "probe begin {\n  if (x > 1 {\n  }\n}\n"),
                PreprocessorContext.defaults());
        assertEquals("parse error: expected ')'\n"
                + "        at: t.stp:2:13\n"
                + "    source:   if (x > 1 {\n"
                + "                        ^\n"
                + "        saw: operator '{'\n", r.diagnostics().render());
    }

    @Test
    void theEndOfTheInputPointsAfterTheLastToken() {
        ParseResult r = Parser.parse(new Source("t.stp", "probe begin {\n  exit()\n\n"), PreprocessorContext.defaults());
        assertEquals("parse error: expected '}'\n"
                + "        at: t.stp:2:9\n"
                + "    source:   exit()\n"
                + "                    ^\n"
                + "        saw: end of file\n", r.diagnostics().render());
    }

    @Test
    void severalErrorsAreReportedInSourceOrder() {
        ParseResult r = Parser.parse(new Source("t.stp", "probe a { x = ; }\nprobe b { y = ) }\nglobal 3\n"),
                PreprocessorContext.defaults());
        assertEquals(3, r.diagnostics().errorCount());
        assertEquals(1, r.diagnostics().list().get(0).span().line());
        assertEquals(2, r.diagnostics().list().get(1).span().line());
        assertEquals(3, r.diagnostics().list().get(2).span().line());
        // Both probes are still there, without their broken statements.
        assertEquals(2, r.script().decls().size());
    }

    @Test
    void spansPointAtTheSource() {
        ParseResult r = Parser.parse(new Source("t.stp", "global g\n\nprobe begin {\n    g = 1\n}\n"),
                PreprocessorContext.defaults());
        Decl.Probe p = (Decl.Probe) r.script().decls().get(1);
        Span probe = p.span();
        assertEquals(3, probe.line());
        assertEquals(1, probe.col());
        assertEquals("probe begin {\n    g = 1\n}", r.script().span().source().text().substring(probe.offset(),
                probe.offset() + probe.length()));
        Stmt.ExprStmt s = (Stmt.ExprStmt) p.body().stmts().get(0);
        assertEquals(4, s.span().line());
        assertEquals(5, s.span().col());
        assertEquals(5, s.span().length());
    }
}
