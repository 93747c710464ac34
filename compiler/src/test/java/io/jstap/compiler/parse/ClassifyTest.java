package io.jstap.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the REPL learns from {@link Parser#classify}: complete or not, declaration or statements. */
class ClassifyTest {

    private static void is(InputKind kind, String text) {
        assertEquals(kind, Parser.classify(text), text);
    }

    @Test
    void empty() {
        is(InputKind.EMPTY, "");
        is(InputKind.EMPTY, "   \n\t ");
        is(InputKind.EMPTY, "# only a comment\n// and another\n/* and a block */");
    }

    @Test
    void declarations() {
        is(InputKind.DECLARATION, "global syscalllist");
        is(InputKind.DECLARATION, "global a, b[10] = 1;");
        is(InputKind.DECLARATION, "probe syscall.* { syscalllist[pid(), execname()]++ }");
        is(InputKind.DECLARATION, "function f:long (x) { return x }");
        is(InputKind.DECLARATION, "private function g() { }");
        is(InputKind.DECLARATION, "private x");
        is(InputKind.DECLARATION, "@define X %( 1 %)");
        is(InputKind.DECLARATION, "%( arch == \"x86_64\" %? probe begin { } %)");
    }

    @Test
    void statements() {
        is(InputKind.STATEMENT, "printf(\"%d\\n\", 1)");
        is(InputKind.STATEMENT, "x = 1; y = 2");
        is(InputKind.STATEMENT, "@count(s) / syscalllist[1423, \"sshd\"]");
        is(InputKind.STATEMENT, "foreach (k in a) print(k)");
        // Unbalanced the other way round is an error to report, not more input to wait for.
        is(InputKind.STATEMENT, "x = 1)");
    }

    @Test
    void incomplete() {
        is(InputKind.INCOMPLETE, "probe begin {");
        is(InputKind.INCOMPLETE, "probe begin { if (x) {\n");
        is(InputKind.INCOMPLETE, "probe begin");
        is(InputKind.INCOMPLETE, "probe syscall.read,");
        is(InputKind.INCOMPLETE, "function f(a,");
        is(InputKind.INCOMPLETE, "private function g()");
        is(InputKind.INCOMPLETE, "printf(\"%d\\n\",");
        is(InputKind.INCOMPLETE, "x = a[1,");
        is(InputKind.INCOMPLETE, "printf(\"unfinished");
        is(InputKind.INCOMPLETE, "x = 1 /* still in a comment");
        is(InputKind.INCOMPLETE, "%( arch == \"x86_64\" %? global a");
        is(InputKind.INCOMPLETE, "@define X");
        is(InputKind.INCOMPLETE, "@define X %( 1 + ");
        is(InputKind.INCOMPLETE, "function f() %{ embedded");
    }
}
