package io.jstap.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.ast.AstPrinter;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Source;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What every run of the front end must end in, whatever the input: an AST or diagnostics, nothing else. */
final class FrontEndChecks {
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "front-end-check");
        t.setDaemon(true);
        return t;
    });

    private FrontEndChecks() {
    }

    /** Parses with a time limit and checks the outcome; returns the result for further checks. */
    static ParseResult parseWithin(Duration limit, String name, String text, PreprocessorContext ctx) {
        Future<ParseResult> f = WORKER.submit(() -> Parser.parse(new Source(name, text), ctx));
        ParseResult r;
        try {
            r = f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            dump(name, text);
            throw new AssertionError("parsing " + name + " took more than " + limit + ":\n" + excerpt(text));
        } catch (Exception e) {
            throw new AssertionError("parsing " + name + " threw " + e + ":\n" + excerpt(text), e);
        }
        checkOutcome(name, text, r, ctx);
        return r;
    }

    static void checkOutcome(String name, String text, ParseResult r, PreprocessorContext ctx) {
        assertNotNull(r);
        assertNotNull(r.script());
        for (Diagnostic d : r.diagnostics().list()) {
            assertFalse(d.code().equals(ParseCodes.INTERNAL), "internal error on " + name + ": " + d.message()
                    + "\n" + excerpt(text));
            assertNotNull(d.span());
            assertTrue(d.span().line() >= 1, "diagnostic without a line: " + d.message());
            assertFalse(d.render().isEmpty());
        }
        if (!r.diagnostics().hasErrors()) {
            // A clean parse must print back to the same AST.
            String printed = AstPrinter.print(r.script());
            ParseResult again = Parser.parse(new Source("printed", printed), ctx);
            assertFalse(again.diagnostics().hasErrors(), "printed form of " + name + " fails:\n" + printed
                    + "\nfrom:\n" + excerpt(text) + "\n" + again.diagnostics().render());
            assertEquals(r.script(), again.script(), "round trip of " + name + " changed the AST:\n" + printed);
        }
    }

    /** Keeps a failing input whole under target/, where an excerpt would not reproduce it. */
    private static void dump(String name, String text) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "front-end-failures");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name + ".stp"), text);
        } catch (java.io.IOException e) {
            // only a convenience for debugging
        }
    }

    static String excerpt(String text) {
        String shown = text.length() > 2000 ? text.substring(0, 2000) + "...(" + text.length() + " chars)" : text;
        StringBuilder sb = new StringBuilder();
        for (char c : shown.toCharArray()) {
            sb.append(c == '\n' || c == '\t' || c >= ' ' && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }
}
