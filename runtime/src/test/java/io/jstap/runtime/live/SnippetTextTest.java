package io.jstap.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.parse.PreprocessorContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting input into snippets and finding positions back in them, without a kernel. */
class SnippetTextTest {

    private final SnippetSplitter splitter = new SnippetSplitter(PreprocessorContext.defaults());

    private List<SnippetSplitter.Draft> drafts(String input) {
        SnippetSplitter.Split s = splitter.split(input, List.of(), 1);
        assertFalse(s.failed(), () -> s.diagnostics().toString());
        return s.drafts();
    }

    @Test
    void everyDeclarationBecomesItsOwnSnippet() {
        List<SnippetSplitter.Draft> d = drafts("global a, b[10], c = 5\n# count\nprobe begin { a = 1 }\n"
                + "function f(x) { return x }\n@define TWO %( 2 %)\n");
        assertEquals(List.of(
                new SnippetSplitter.Draft(Snippet.Kind.GLOBAL, "a", "global a"),
                new SnippetSplitter.Draft(Snippet.Kind.GLOBAL, "b", "global b[10]"),
                new SnippetSplitter.Draft(Snippet.Kind.GLOBAL, "c", "global c = 5"),
                new SnippetSplitter.Draft(Snippet.Kind.PROBE, "begin", "# count\nprobe begin { a = 1 }\n"),
                new SnippetSplitter.Draft(Snippet.Kind.FUNCTION, "f", "function f(x) { return x }\n"),
                new SnippetSplitter.Draft(Snippet.Kind.MACRO, "TWO", "@define TWO %( 2 %)\n")), d);
    }

    @Test
    void statementsAndExpressionsAreToldApart() {
        assertEquals(Snippet.Kind.EXPRESSION, drafts("x[1] + 2").get(0).kind());
        assertEquals(Snippet.Kind.STATEMENT, drafts("x = 2").get(0).kind());
        assertEquals(Snippet.Kind.STATEMENT, drafts("printf(\"%d\\n\", 1)").get(0).kind());
        assertEquals(Snippet.Kind.STATEMENT, drafts("foreach (k in x) print(k)").get(0).kind());
        assertEquals(Snippet.Kind.STATEMENT, drafts("delete x").get(0).kind());
        assertTrue(drafts("@hist_log(s)").get(0).histogram());
        assertTrue(splitter.split("split(", List.of(), 1).statement());
        assertEquals(List.of(), splitter.split("  # nothing\n", List.of(), 1).drafts());
    }

    @Test
    void aSnippetMayUseAnEarlierSnippetsMacro() {
        Snippet macro = new Snippet(1, Snippet.Kind.MACRO, "ME", "@define ME %( 42 %)\n");
        SnippetSplitter.Split s = splitter.split("probe begin { x = @ME }", List.of(macro), 2);
        assertFalse(s.failed(), () -> s.diagnostics().toString());
        assertEquals("probe begin { x = @ME }", s.drafts().get(0).text());
        SnippetSplitter.Split broken = splitter.split("probe begin { x = ", List.of(macro), 2);
        assertTrue(broken.failed());
        assertEquals("#2", broken.diagnostics().get(0).span().source().name());
    }

    @Test
    void positionsInTheJoinedTextMapBackToSnippets() {
        SourceMap map = SourceMap.builder().add(1, "#1", "global a\n").add(2, "#2", "probe begin {\n  a = 1/0\n}")
                .wrapper(3, "probe begin {\nprintln(\n").add(3, "#3", "a + 1").wrapper(3, "\n)\n}\n").build();
        String text = map.source().text();
        int at = text.indexOf("1/0") + 1;
        Span s = new Span(map.source(), 3, 8, at, 1);
        Span back = map.remap(s);
        assertEquals("#2:2:8", back.location());
        assertEquals("/", back.source().text().substring(back.offset(), back.offset() + 1));
        assertEquals(2, map.snippetAtLine(3));
        assertEquals(3, map.snippetAtLine(5));
        assertEquals(3, map.snippetAtLine(6));
        assertEquals("division by 0 near operator '/' at #2:2:8",
                map.rewriteLocations("division by 0 near operator '/' at <session>:3:8"));
        assertEquals(2, map.snippetInText("x at <session>:3:8"));
        Diagnostic inWrapper = Diagnostic.semanticError("t", "type", new Span(map.source(), 5, 1,
                text.indexOf("println"), 7));
        assertEquals("#3:1:1", map.remap(inWrapper).span().location());
    }
}
