package io.jstap.compiler.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BodyCompletionTest {

    private final CompletionAnalyzer analyzer = Fixture.analyzer(Fixture.NO_KPROBES);

    private Completion at(String marked) {
        return Marked.complete(analyzer, marked);
    }

    @Test
    void syscallArgumentsAsContextVariables() {
        Completion c = at("probe syscall.openat { $|");
        assertEquals(23, c.replaceFrom());
        assertEquals(List.of("$dfd", "$filename", "$flags", "$mode"), c.values());
        assertEquals(Kind.CONTEXT_VAR, c.candidates().get(0).kind());
        assertEquals("long", c.candidates().get(1).description());
    }

    @Test
    void tracepointFieldsWithScriptTypes() {
        Completion c = at("probe kernel.trace(\"sched:sched_switch\") { printf(\"%s\", $prev_|");
        assertEquals(List.of("$prev_comm", "$prev_pid", "$prev_prio", "$prev_state"), c.values());
        assertEquals("string", c.candidates().get(0).description());
        assertEquals("long", c.candidates().get(1).description());
    }

    @Test
    void dataLocStringsAreStrings() {
        Completion c = at("probe kernel.trace(\"sched:sched_process_exec\") { $f|");
        assertEquals(List.of("$filename"), c.values());
        assertEquals("string", c.candidates().get(0).description());
    }

    @Test
    void syscallReturnValue() {
        assertEquals(List.of("$return"), at("probe syscall.read.return { $|").values());
    }

    @Test
    void nestedBracesStillFindTheProbe() {
        assertEquals(List.of("$filename"), at("probe syscall.openat { if (1) { x = $fi|").values());
    }

    @Test
    void nearestProbeHeaderWins() {
        assertEquals(List.of("$flags"), at("probe begin { }\nprobe syscall.openat { $fl|").values());
        assertEquals(List.of("$fd"), at("probe syscall.openat, syscall.read { }\nprobe syscall.close { $|").values());
    }

    @Test
    void firstPointOfAListIsUsed() {
        assertEquals(List.of("$fd"), at("probe syscall.close, syscall.openat { $|").values());
    }

    @Test
    void aliasDefinitionUsesTheRightHandSide() {
        assertEquals(List.of("$buf", "$count", "$fd"), at("probe myread = syscall.read { $|").values());
    }

    @Test
    void noContextVariablesIsExplained() {
        Completion c = at("probe begin { $|");
        assertTrue(c.candidates().isEmpty());
        assertEquals("no context variables known for begin", c.note());
    }

    @Test
    void functionsWithSignatures() {
        Completion c = at("probe begin { x = str|");
        assertEquals(List.of("str_replace(", "strlen("), c.values());
        assertEquals("strlen:long (s:string)", c.candidates().get(1).description());
        assertEquals(Kind.FUNCTION, c.candidates().get(1).kind());
        assertFalse(c.candidates().get(1).complete());
    }

    @Test
    void functionWithoutParametersGetsBothParens() {
        assertEquals(List.of("pid()"), at("probe begin { printf(\"%d\\n\", pi|").values());
    }

    @Test
    void globalsAndKeywordsTogether() {
        Completion c = at("probe begin { co|");
        assertEquals(List.of("continue", "count"), c.values());
        assertEquals(Kind.KEYWORD, c.candidates().get(0).kind());
        assertEquals(Kind.GLOBAL, c.candidates().get(1).kind());
        assertEquals("long", c.candidates().get(1).description());
    }

    @Test
    void statementKeywords() {
        assertEquals(List.of("foreach"), at("probe begin { fore|").values());
        assertEquals(List.of("delete"), at("probe end { del|").values());
    }

    @Test
    void localsSeenEarlierInTheBody() {
        Completion c = at("probe begin { total = 1; tot|");
        assertEquals(List.of("total"), c.values());
        assertEquals(Kind.LOCAL, c.candidates().get(0).kind());
    }

    @Test
    void localsOfAnotherBodyAreNotOffered() {
        assertTrue(at("probe begin { total = 1 }\nprobe end { tot|").candidates().isEmpty());
    }

    @Test
    void functionParametersAreLocals() {
        Completion c = at("function f(abc, n:long) { return ab|");
        assertEquals(List.of("abc"), c.values());
        assertEquals(Kind.LOCAL, c.candidates().get(0).kind());
    }

    @Test
    void globalsAndFunctionsDeclaredInTheBuffer() {
        Completion c = at("global hits\nfunction helper:long (a:long) { return a }\nprobe begin { h|");
        assertEquals(List.of("helper(", "hits"), c.values());
        assertEquals("helper:long (a:long)", c.candidates().get(0).description());
        assertEquals(Kind.GLOBAL, c.candidates().get(1).kind());
    }

    @Test
    void globalDeclaredAfterTheCursorCounts() {
        assertEquals(List.of("later"), at("probe begin { lat| }\nglobal later").values());
    }

    @Test
    void nothingInsideStringsOrComments() {
        assertTrue(at("probe begin { printf(\"co|").candidates().isEmpty());
        assertTrue(at("probe begin { # co|").candidates().isEmpty());
        assertTrue(at("probe begin { /* co|").candidates().isEmpty());
    }

    @Test
    void nothingAfterArrow() {
        assertTrue(at("probe syscall.openat { $filename->|").candidates().isEmpty());
    }

    @Test
    void statisticsOperators() {
        Completion c = at("probe end { print(@cou|");
        assertEquals(List.of("@count("), c.values());
        assertEquals(List.of("@hist_linear(", "@hist_log("), at("probe end { print(@hist|").values());
    }

    @Test
    void probeGuardIsAnExpression() {
        assertEquals(List.of("count"), at("probe timer.s(1) if (cou|").values());
    }

    @Test
    void topLevelKeywords() {
        assertEquals(List.of("@define", "function", "global", "private", "probe"), at("|").values());
        assertEquals(List.of("global"), at("gl|").values());
        assertEquals(List.of("@define"), at("@d|").values());
        assertEquals(List.of("private", "probe"), at("global x, y\npr|").values());
    }

    @Test
    void namingAGlobalOffersNothing() {
        assertTrue(at("global co|").candidates().isEmpty());
        assertTrue(at("global x, co|").candidates().isEmpty());
    }

    @Test
    void functionBodyHasNoContextVariables() {
        Completion c = at("function f(a) { return $|");
        assertTrue(c.candidates().isEmpty());
        assertEquals("context variables exist only in probe bodies", c.note());
    }

    @Test
    void escapedQuotesInTheHeaderDoNotConfuseTheBody() {
        assertEquals(List.of("$filename"), at("probe syscall.openat { printf(\"\\\"{\"); $fi|").values());
    }
}
