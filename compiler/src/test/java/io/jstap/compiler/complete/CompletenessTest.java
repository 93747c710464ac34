package io.jstap.compiler.complete;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompletenessTest {

    private final CompletionAnalyzer analyzer = Fixture.analyzer(Fixture.NO_KPROBES);

    private void complete(String buffer) {
        assertTrue(analyzer.isComplete(buffer), "complete: " + buffer);
    }

    private void incomplete(String buffer) {
        assertFalse(analyzer.isComplete(buffer), "incomplete: " + buffer);
    }

    @Test
    void openBodies() {
        incomplete("probe begin {");
        incomplete("probe begin { if (x) {\n printf(\"a\")\n}");
        complete("probe begin { printf(\"hi\\n\") }");
        complete("global x");
        complete("global x, y[100]");
    }

    @Test
    void trailingOperators() {
        incomplete("x = ");
        incomplete("probe begin { x = 1 } y = a +");
        incomplete("foo(1,");
        incomplete("x .");
        incomplete("a ? b :");
        complete("x++");
        complete("x = 1");
    }

    @Test
    void openBrackets() {
        incomplete("probe begin { a[1");
        incomplete("printf(\"%d\", (1 + 2)");
    }

    @Test
    void unterminatedStringWithEscapedQuote() {
        incomplete("probe begin { printf(\"a\\\"b {");
        incomplete("x = \"abc\\\"");
        complete("probe begin { printf(\"a\\\"b { (\") }");
    }

    @Test
    void commentsHideBrackets() {
        complete("probe begin { # a brace { in a comment\n}");
        complete("probe begin { // (\n}");
        complete("probe begin { /* { */ }");
        incomplete("probe begin { } /* open comment");
        complete("probe begin { }  # trailing comment");
    }

    @Test
    void stringsHideBrackets() {
        complete("probe begin { printf(\"}\") }");
    }

    @Test
    void conditionals() {
        complete("%( kernel_v >= \"5.0\" %? %( arch == \"x86_64\" %? probe begin { } %) %)");
        incomplete("%( kernel_v >= \"5.0\" %? %( arch == \"x86_64\" %? probe begin { } %)");
        incomplete("%( kernel_v >= \"5.0\" %?");
        complete("probe begin { %( arch == \"x86_64\" %? x = 1 %: x = 2 %) }");
    }

    @Test
    void headersWithoutBodies() {
        incomplete("probe begin");
        incomplete("probe syscall.read, syscall.");
        incomplete("function f(a)");
        incomplete("global");
        incomplete("probe begin { } probe end");
        complete("probe begin { } probe end { }");
        complete("function f:long (a:long) { return a + 1 }");
    }

    @Test
    void macros() {
        incomplete("@define twice(x)");
        incomplete("@define twice(x) %( 2 * @x");
        complete("@define twice(x) %( 2 * @x %)");
    }

    @Test
    void embeddedC() {
        incomplete("%{ #include <linux/sched.h>");
        complete("%{ #include <linux/sched.h> %}");
    }

    @Test
    void errorsAreLeftToTheParser() {
        complete("probe begin { } }");
        complete("probe begin { ( }");
    }

    @Test
    void commandsAndBlankInput() {
        complete(":dump x --sort");
        complete(":load a,");
        complete("");
        complete("   \n ");
    }
}
