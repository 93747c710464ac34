package io.jstap.repl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.complete.CompletionAnalyzer;
import io.jstap.compiler.complete.CompletionSources;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.probe.FixedProbeCatalog;
import io.jstap.compiler.probe.ProbeCatalog;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

/** The terminal's pieces that need no terminal: parser, highlighter, renderer, output queue. */
class ShellPiecesTest {

    private static final ProbeCatalog CATALOG = new FixedProbeCatalog(java.util.Set.of(), "6.1.0")
            .addTracepoint(new io.jstap.compiler.probe.TracepointFormat("sched", "sched_switch", List.of()));

    private static ShellParser parser() {
        CompletionSources sources = () -> CATALOG;
        return new ShellParser(new CompletionAnalyzer(sources));
    }

    @Test
    void unfinishedInputAsksForAnotherLine() {
        ShellParser p = parser();
        assertThrows(EOFError.class, () -> p.parse("probe begin {", 12, Parser.ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> p.parse("x = 1 +", 7, Parser.ParseContext.ACCEPT_LINE));
        assertThrows(EOFError.class, () -> p.parse("printf(\"a", 9, Parser.ParseContext.ACCEPT_LINE));
        assertEquals("probe begin { }", p.parse("probe begin { }", 15, Parser.ParseContext.ACCEPT_LINE).line());
        assertEquals(":dump (", p.parse(":dump (", 7, Parser.ParseContext.ACCEPT_LINE).line());
    }

    @Test
    void theCompletionWordIsWhatTheAnalysisReplaces() {
        ShellParser p = parser();
        String line = "probe kernel.trace(\"sched:sched_sw";
        org.jline.reader.ParsedLine pl = p.parse(line, line.length(), Parser.ParseContext.COMPLETE);
        int from = p.completion(line, line.length()).replaceFrom();
        assertEquals(line.substring(from), pl.word());
        assertEquals(line.length() - from, pl.wordCursor());
    }

    @Test
    void highlightingColoursKeywordsStringsNumbersAndErrors() {
        AttributedString s = ShellHighlighter.highlight("probe begin { x = \"s\" + 42 } )");
        assertEquals("probe begin { x = \"s\" + 42 } )", s.toString());
        assertEquals(ShellHighlighter.KEYWORD, s.styleAt(0));
        assertEquals(AttributedStyle.DEFAULT, s.styleAt(6));
        assertEquals(ShellHighlighter.STRING, s.styleAt(18));
        assertEquals(ShellHighlighter.NUMBER, s.styleAt(24));
        assertEquals(AttributedStyle.DEFAULT, s.styleAt(27));
        assertEquals(ShellHighlighter.ERROR, s.styleAt(29));
        AttributedString open = ShellHighlighter.highlight("printf(\"abc");
        assertEquals(ShellHighlighter.ERROR, open.styleAt(8));
        assertEquals(ShellHighlighter.COMMENT, ShellHighlighter.highlight("x # note").styleAt(3));
        assertEquals(ShellHighlighter.OPERATOR, ShellHighlighter.highlight("@count(s)").styleAt(0));
        assertEquals(ShellHighlighter.COMMAND, ShellHighlighter.highlight(":dump x").styleAt(1));
    }

    @Test
    void diagnosticsKeepStapsTextWithAColouredCaret() {
        Source src = new Source("#3", "probe foo {}\n");
        Diagnostic d = Diagnostic.semanticError("x", "probe point mismatch", new Span(src, 1, 7, 6, 3));
        org.jline.utils.AttributedStringBuilder sb = new org.jline.utils.AttributedStringBuilder();
        new EventRenderer(true).diagnostic(sb, d);
        AttributedString a = sb.toAttributedString();
        assertEquals(d.render(), a.toString());
        int caret = a.toString().indexOf('^');
        assertEquals(AttributedStyle.BOLD.foreground(AttributedStyle.GREEN), a.styleAt(caret));
        assertEquals(AttributedStyle.BOLD.foreground(AttributedStyle.RED), a.styleAt(0));
        org.jline.utils.AttributedStringBuilder plain = new org.jline.utils.AttributedStringBuilder();
        new EventRenderer(false).diagnostic(plain, d);
        assertEquals(AttributedStyle.DEFAULT, plain.toAttributedString().styleAt(caret));
    }

    @Test
    void outputArrivesAsWholeLinesInOrderAndCtrlCDropsTheQueue() throws Exception {
        List<String> printed = new ArrayList<>();
        Object gate = new Object();
        boolean[] blocked = {true};
        TerminalOutput out = new TerminalOutput(s -> {
            synchronized (gate) {
                while (blocked[0]) {
                    try {
                        gate.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            synchronized (printed) {
                printed.add(s.toString());
            }
        }, () -> false, () -> false);
        out.print("a");
        out.print("b\nc\n");
        Thread.sleep(100); // the printer takes "ab" and "c" and blocks in the gate
        out.print("d\ne\n");
        out.error("bad");
        assertEquals(3, out.discard());
        synchronized (gate) {
            blocked[0] = false;
            gate.notifyAll();
        }
        out.print("f\n");
        out.drain();
        out.close();
        synchronized (printed) {
            assertEquals(List.of("ab\nc", "f"), printed);
        }
    }

    @Test
    void warningsAndErrorsReadAsStapWritesThem() {
        List<String> printed = new ArrayList<>();
        TerminalOutput out = new TerminalOutput(s -> {
            synchronized (printed) {
                printed.add(s.toString());
            }
        }, () -> false, () -> false);
        out.print("partial");
        out.warning("careful");
        out.error("division by 0 near operator '/' at #3:1:4");
        out.drain();
        out.close();
        String all = String.join("\n", printed);
        assertEquals("partial\nWARNING: careful\nERROR: division by 0 near operator '/' at #3:1:4", all);
        assertFalse(all.contains("\u001b"));
        assertTrue(printed.size() >= 1);
    }
}
