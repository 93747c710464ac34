package io.jstap.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.diag.Diagnostic;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hostile inputs: each ends in diagnostics (or an AST), quickly, with no exception or stack overflow. */
class RobustnessTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final PreprocessorContext CTX = PreprocessorContext.defaults();

    private static ParseResult parse(String name, String text) {
        return FrontEndChecks.parseWithin(LIMIT, name, text, CTX);
    }

    private static String codes(ParseResult r) {
        return r.diagnostics().list().stream().map(Diagnostic::code).distinct().collect(Collectors.joining(","));
    }

    @Test
    void tenThousandNestedParentheses() {
        ParseResult r = parse("parens", "probe begin { x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " }");
        assertEquals(ParseCodes.NESTING, codes(r));
        assertEquals(1, r.diagnostics().errorCount());
    }

    @Test
    void tenThousandUnclosedParentheses() {
        ParseResult r = parse("open", "probe begin { x = " + "(".repeat(10_000));
        assertEquals(ParseCodes.NESTING, codes(r));
    }

    @Test
    void tenThousandNestedBlocksAndIfs() {
        ParseResult blocks = parse("blocks", "probe begin " + "{".repeat(10_000) + "}".repeat(10_000));
        assertEquals(ParseCodes.NESTING, codes(blocks));
        ParseResult ifs = parse("ifs", "probe begin { " + "if (x) ".repeat(10_000) + "y = 1 }");
        assertEquals(ParseCodes.NESTING, codes(ifs));
    }

    @Test
    void longChainsOfPrefixOperatorsAndAssignments() {
        assertEquals(ParseCodes.NESTING, codes(parse("unary", "probe begin { x = " + "- ".repeat(100_000) + "1 }")));
        assertEquals(ParseCodes.NESTING, codes(parse("assign", "probe begin { " + "x = ".repeat(100_000) + "1 }")));
        assertEquals(ParseCodes.NESTING, codes(parse("ternary", "probe begin { x = " + "a ? b : ".repeat(50_000) + "c }")));
    }

    @Test
    void aLongFlatOperatorChainIsRefusedNotOverflowed() {
        ParseResult r = parse("chain", "probe begin { x = " + "1 + ".repeat(200_000) + "1 }");
        assertEquals(ParseCodes.NESTING, codes(r));
    }

    @Test
    void manyStatementsInOneProbeAreFine() {
        ParseResult r = parse("many", "probe begin {\n" + "x++\n".repeat(50_000) + "}");
        assertEquals("", r.diagnostics().render());
        assertEquals(1, r.script().decls().size());
    }

    @Test
    void tenMegabyteLines() {
        String big = "x".repeat(10 << 20);
        assertEquals("", codes(parse("ident", "probe begin { " + big + " = 1 }")));
        assertEquals("", codes(parse("string", "probe begin { s = \"" + big + "\" }")));
        assertEquals(ParseCodes.JUNK, codes(parse("unclosed", "probe begin { s = \"" + big)));
        assertEquals(ParseCodes.TOO_LARGE, codes(parse("tokens", "probe begin { x = " + "1+".repeat(5 << 20) + "1 }")));
        assertEquals(ParseCodes.JUNK, codes(parse("comment", "probe begin { } /*" + big)));
    }

    @Test
    void binaryJunkAndNulBytes() {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1 << 20; i++) {
            sb.append((char) rnd.nextInt(256));
        }
        ParseResult junk = parse("junk", sb.toString());
        assertTrue(junk.diagnostics().hasErrors());
        ParseResult nul = parse("nul", "probe begin {\0 x = 1 \0\0 }\0");
        assertEquals(ParseCodes.JUNK, codes(nul));
        assertEquals(3, nul.diagnostics().errorCount());
    }

    @Test
    void errorsStopAtTheLimit() {
        ParseResult r = parse("errors", "global 1\n".repeat(10_000));
        assertEquals(io.jstap.compiler.diag.Diagnostics.LIMIT, r.diagnostics().errorCount());
    }

    @Test
    void recursiveAndExplodingMacros() {
        ParseResult self = parse("self", "@define a %( @a %) probe begin { x = @a }");
        assertTrue(codes(self).contains(ParseCodes.MACRO), codes(self));
        StringBuilder bomb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            bomb.append("@define m").append(i).append(" %( @m").append(i + 1).append(" @m").append(i + 1).append(" %)\n");
        }
        bomb.append("@define m40 %( 1 %)\nprobe begin { x = @m0 }");
        ParseResult r = parse("bomb", bomb.toString());
        assertTrue(codes(r).contains(ParseCodes.TOO_LARGE), codes(r));
    }

    @Test
    void unterminatedEverythingAtTheEnd() {
        for (String tail : new String[] {"\"abc", "/* abc", "%{ abc", "%( arch == \"x\" %?", "@define x %( 1",
                "probe begin {", "probe begin { if (", "probe kernel.function(\"x\"", "global a[", "function f(a,"}) {
            ParseResult r = parse("tail", "probe end { }\n" + tail);
            assertTrue(r.diagnostics().hasErrors(), tail);
            assertEquals(1, r.script().decls().size(), "the probe before the broken tail survives: " + tail);
        }
    }
}
