package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The front end: SystemTap script text to AST. Never throws for any input: every problem is a
 * diagnostic. Parsing runs on a thread with a large stack, so deeply nested input ends in a "too deeply
 * nested" diagnostic rather than a StackOverflowError whatever the caller's stack size.
 */
public final class Parser {
    private static final long STACK_BYTES = 256L << 20;
    private static final ThreadGroup GROUP = new ThreadGroup("jstap-parser");
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(GROUP, r, "jstap-parser", STACK_BYTES);
        t.setDaemon(true);
        return t;
    });

    private Parser() {
    }

    /** Preprocesses and parses a whole source (a script, {@code -e} text, a tapset or a REPL snippet). */
    public static ParseResult parse(Source source, PreprocessorContext ctx) {
        return onParserThread(source, s -> new FrontEnd(s, ctx).script(),
                d -> new ParseResult(new Script(whole(source), List.of(), List.of()), d));
    }

    /** Parses a single expression, preprocessed like a script. */
    public static ExprResult parseExpression(Source source, PreprocessorContext ctx) {
        return onParserThread(source, s -> new FrontEnd(s, ctx).expression(), d -> new ExprResult(null, d));
    }

    /** Whether REPL input is a declaration, statements, unfinished, or empty (see {@link InputKind}). */
    public static InputKind classify(String text) {
        return InputClassifier.classify(text);
    }

    private static <R> R onParserThread(Source source, Function<Source, R> work, Function<Diagnostics, R> failed) {
        if (Thread.currentThread().getThreadGroup() == GROUP) {
            return guarded(source, work, failed);
        }
        Future<R> f = THREADS.submit(() -> guarded(source, work, failed));
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return failed.apply(internal(source, "interrupted while parsing"));
        } catch (ExecutionException e) {
            return failed.apply(internal(source, String.valueOf(e.getCause())));
        }
    }

    /** The last line of defence: a bug in the front end becomes a diagnostic naming it, not a trace. */
    private static <R> R guarded(Source source, Function<Source, R> work, Function<Diagnostics, R> failed) {
        try {
            return work.apply(source);
        } catch (StackOverflowError e) {
            Diagnostics d = new Diagnostics();
            d.add(Diagnostic.parseError(ParseCodes.NESTING, "too deeply nested", whole(source)));
            return failed.apply(d);
        } catch (RuntimeException | OutOfMemoryError e) {
            return failed.apply(internal(source, e.toString()));
        }
    }

    private static Diagnostics internal(Source source, String what) {
        Diagnostics d = new Diagnostics();
        d.add(Diagnostic.parseError(ParseCodes.INTERNAL, "internal error in the parser: " + what,
                new Span(source, 1, 1, 0, 0)));
        return d;
    }

    private static Span whole(Source source) {
        return new Span(source, 1, 1, 0, source.text().length());
    }
}
