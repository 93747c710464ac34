package io.jstap.compiler.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandCompletionTest {

    private final CompletionAnalyzer analyzer = Fixture.analyzer(Fixture.NO_KPROBES);

    private Completion at(String marked) {
        return Marked.complete(analyzer, marked);
    }

    @Test
    void commandNames() {
        Completion c = at(":d|");
        assertEquals(0, c.replaceFrom());
        assertEquals(List.of(":drop", ":dump"), c.values());
        assertEquals(Kind.COMMAND, c.candidates().get(0).kind());
        assertEquals("drop snippets", c.candidates().get(0).description());
    }

    @Test
    void leadingSpaceBeforeTheColon() {
        Completion c = at("  :he|");
        assertEquals(2, c.replaceFrom());
        assertEquals(List.of(":help"), c.values());
    }

    @Test
    void globalArgument() {
        Completion c = at(":dump sy|");
        assertEquals(6, c.replaceFrom());
        assertEquals(List.of("syscalllist", "syscount"), c.values());
        assertEquals("long[string]", c.candidates().get(0).description());
    }

    @Test
    void flags() {
        Completion c = at(":dump syscalllist --|");
        assertEquals(18, c.replaceFrom());
        assertEquals(List.of("--desc", "--json", "--sort", "--top"), c.values());
        assertEquals("--top N", c.candidates().get(3).display());
    }

    @Test
    void flagsOfferedOncePositionalsAreDone() {
        assertEquals(List.of("--desc", "--sort", "--top"), at(":dump syscalllist --json |").values());
    }

    @Test
    void flagValueIsExplained() {
        Completion c = at(":dump syscalllist --top |");
        assertTrue(c.candidates().isEmpty());
        assertEquals("--top N: first N entries", c.note());
        assertEquals(List.of("--desc", "--json", "--sort"), at(":dump syscalllist --top 5 |").values());
    }

    @Test
    void filesForLoadAndSave() {
        assertEquals(List.of("notes.txt", "tools/", "trace.stp"), at(":load |").values());
        Completion c = at(":save tools/io|");
        assertEquals(6, c.replaceFrom());
        assertEquals(List.of("tools/iosnoop.stp", "tools/iotop.stp"), c.values());
        assertEquals(List.of(".hidden.stp"), at(":load .h|").values());
    }

    @Test
    void optionsAndTheirValues() {
        assertEquals(List.of("feedback", "format", "maxmapentries"), at(":set |").values());
        assertEquals(Kind.OPTION, at(":set fo|").candidates().get(0).kind());
        assertEquals(List.of("json", "text"), at(":set format |").values());
    }

    @Test
    void helpTakesCommandNames() {
        assertEquals(List.of("drop", "dump"), at(":help d|").values());
        assertEquals(7, at(":help |").values().size());
    }

    @Test
    void snippetsByIdAndName() {
        assertEquals(List.of("1", "2", "3", "begin", "count"), at(":drop |").values());
        assertEquals(List.of("count"), at(":drop 1 co|").values());
    }

    @Test
    void abbreviatedCommand() {
        assertEquals(List.of("syscalllist", "syscount"), at(":du sy|").values());
    }

    @Test
    void unknownCommand() {
        Completion c = at(":nope x|");
        assertTrue(c.candidates().isEmpty());
        assertEquals("unknown command :nope", c.note());
    }

    @Test
    void expressionArgument() {
        assertEquals(List.of("count"), at(":print cou|").values());
        assertEquals(List.of("strlen("), at(":print strl|").values());
        assertEquals(List.of("reads"), at(":print count + rea|").values());
    }

    @Test
    void cursorBeforeTheColon() {
        assertTrue(analyzer.complete(":dump", 0).candidates().isEmpty());
    }
}
