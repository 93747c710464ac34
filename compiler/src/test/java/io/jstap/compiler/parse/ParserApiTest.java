package io.jstap.compiler.parse;

import static io.jstap.compiler.parse.Ast.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.ast.AstPrinter;
import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Ops.BinOp;
import io.jstap.compiler.ast.Ops.StatsFn;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.diag.Source;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry points others call: whole sources, single expressions, what partial results look like. */
class ParserApiTest {
    private static final PreprocessorContext CTX = PreprocessorContext.defaults().withScriptArgs(List.of("5"));

    @Test
    void anExpressionWithOrWithoutSemicolon() {
        ExprResult r = Parser.parseExpression(new Source("<repl>", "@count(s) / hits[1423, \"sshd\"];"), CTX);
        assertFalse(r.diags().hasErrors(), r.diags().render());
        assertEquals(bin(BinOp.DIV, new Expr.StatsOp(S, StatsFn.COUNT, id("s")),
                index(id("hits"), num(1423), str("sshd"))), r.expr());
        assertEquals(new Expr.ScriptArg(S, 1, false), Parser.parseExpression(new Source("<repl>", "$1"), CTX).expr());
    }

    @Test
    void aBrokenExpressionGivesDiagnosticsAndNoExpression() {
        for (String text : new String[] {"", "1 +", "a b", "(", "x = ;", "\"open"}) {
            ExprResult r = Parser.parseExpression(new Source("<repl>", text), CTX);
            assertTrue(r.diags().hasErrors(), text);
            assertNull(r.expr(), text);
        }
    }

    @Test
    void aScriptWithErrorsKeepsWhatParsed() {
        ParseResult r = Parser.parse(new Source("s.stp", "global a\nprobe begin { a = 1 }\nprobe end { a = }\n"
                + "function f() { return 1 }\n"), CTX);
        assertEquals(1, r.diagnostics().errorCount());
        assertEquals(4, r.script().decls().size());
        assertTrue(r.script().decls().get(3) instanceof Decl.Function);
    }

    @Test
    void anEmptySourceIsAnEmptyScript() {
        ParseResult r = Parser.parse(new Source("empty.stp", "# nothing\n"), CTX);
        assertFalse(r.diagnostics().hasErrors());
        assertTrue(r.script().decls().isEmpty());
        assertEquals("", AstPrinter.print(r.script()));
    }

    @Test
    void parsingFromManyThreadsAtOnceGivesTheSameAnswers() throws Exception {
        Source src = Corpus.source(Corpus.examples().resolve("call.stp"));
        String expected = AstPrinter.print(Parser.parse(src, CTX).script());
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    if (!expected.equals(AstPrinter.print(Parser.parse(src, CTX).script()))) {
                        wrong.incrementAndGet();
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertEquals(0, wrong.get());
    }
}
