package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatCheckTest {

    private static Diagnostic only(String script) {
        List<Diagnostic> d = Elab.run(script).diagnostics().list();
        assertEquals(1, d.size(), d.toString());
        return d.get(0);
    }

    @Test
    void badConversionsPointAtTheCharacterPastEscapes() {
        Diagnostic d = only("probe begin { printf(\"a\\tb\\101 %q\\n\", 1) }");
        assertEquals("invalid or missing conversion specifier", d.message());
        assertEquals(33, d.span().col());
        assertEquals('q', d.span().source().text().charAt(d.span().offset()));
    }

    @Test
    void argumentCountsAndTypesFollowTheFormat() {
        assertEquals("format string expects 3 arguments, 2 given",
                only("probe begin { printf(\"%*d %s\\n\", 5, 1) }").message());
        assertEquals("type mismatch (string vs. long)", only("probe begin { x = sprintf(\"%s\", 1) }").message());
        Elab.ok("probe begin { printf(\"%-5d|%+d|% d|%#x|%08.3s|%c|%%|%p|%lu\\n\", 1, 2, 3, 4, \"s\", 65, 0, 7) }");
    }
}
