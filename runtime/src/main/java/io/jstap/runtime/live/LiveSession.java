package io.jstap.runtime.live;

import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.parse.PreprocessorContext;
import io.jstap.runtime.kernel.KernelResources;
import io.jstap.runtime.output.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A live SystemTap session, the engine of the REPL (no terminal here). Input is evaluated JShell-style:
 * declarations (globals, probes, functions, probe aliases, macros) become snippets of the session, and after
 * every change the whole snippet set is recompiled and hot-reloaded as one transaction (DESIGN §5); a
 * statement or expression runs at once in userspace against the live globals. Every operation returns
 * {@link SnippetEvent}s; nothing is printed here except what probes print, which goes to the
 * {@link Output} asynchronously.
 *
 * <p>Methods are serialised; {@link #interrupt()} may be called from any thread while {@link #eval} runs.
 */
public final class LiveSession implements AutoCloseable {

    private final LiveOptions options;
    private final OutputSwitch out;
    private final Engine engine;
    private final SnippetSplitter splitter;
    private final StatementRunner statements;
    private final SnippetBook book = new SnippetBook();
    private final List<String> history = new ArrayList<>();
    private final Map<Integer, long[]> lastSample = new HashMap<>();
    private boolean closed;

    /**
     * @param compiler the compiler facade over the machine's probe catalog
     * @param pp       what {@code %( %)} conditions test (the running kernel)
     * @param output   where probes' output, warnings and errors go (called from other threads)
     * @param options  limits and display settings; {@code :set} changes them
     */
    public LiveSession(ModuleCompiler compiler, PreprocessorContext pp, Output output, LiveOptions options) {
        this.options = options;
        this.out = new OutputSwitch(output);
        this.engine = new Engine(compiler, out, new KernelResources(), options.limits());
        this.splitter = new SnippetSplitter(pp);
        this.statements = new StatementRunner(engine);
    }

    /** Evaluates one complete piece of input (the REPL's Enter). Empty input gives no events. */
    public synchronized List<SnippetEvent> eval(String input) {
        ensureOpen();
        if (!input.isBlank()) {
            history.add(input);
        }
        return evalInput(input, null);
    }

    private List<SnippetEvent> evalInput(String input, Snippet replacing) {
        SnippetSplitter.Split split = splitter.split(input, book.macros(), book.nextId());
        if (split.failed()) {
            Snippet s = book.record(new Snippet(book.nextId(), guessKind(input), "", SnippetBook.withNewline(input)),
                    Snippet.Status.REJECTED);
            return List.of(new SnippetEvent(s, null, Snippet.Status.REJECTED, null, null, null, split.diagnostics(),
                    List.of()));
        }
        if (split.drafts().isEmpty()) {
            return replacing == null ? List.of() : book.drop(replacing, engine, options.limits());
        }
        if (split.statement()) {
            if (replacing != null) {
                throw new IllegalArgumentException("#" + replacing.id() + " is a declaration; the new text is not");
            }
            return runStatement(split.drafts().get(0));
        }
        return book.declare(split.drafts(), replacing, engine, options.limits());
    }

    private static Snippet.Kind guessKind(String input) {
        String t = input.stripLeading();
        if (t.startsWith("global") || t.startsWith("private global")) {
            return Snippet.Kind.GLOBAL;
        }
        if (t.startsWith("function") || t.startsWith("private function")) {
            return Snippet.Kind.FUNCTION;
        }
        if (t.startsWith("@define")) {
            return Snippet.Kind.MACRO;
        }
        return t.startsWith("probe") ? Snippet.Kind.PROBE : Snippet.Kind.STATEMENT;
    }

    private List<SnippetEvent> runStatement(SnippetSplitter.Draft d) {
        Snippet s = book.record(new Snippet(book.nextId(), d.kind(), "", SnippetBook.withNewline(d.text())),
                Snippet.Status.EXECUTED);
        StatementRunner.Result r = statements.run(book.active(), s, d.histogram(), options.limits());
        Snippet.Status st = r.compiled() ? Snippet.Status.EXECUTED : Snippet.Status.REJECTED;
        if (r.ranAs() != s.kind()) {
            s = new Snippet(s.id(), r.ranAs(), s.name(), s.source());
        }
        book.refile(s, st);
        return List.of(new SnippetEvent(s, null, st, null, r.value(), r.error(), r.diagnostics(), List.of()));
    }

    /**
     * The running snippets {@code ref} names: {@code 3} or {@code #3}, or a global, function, macro or
     * alias name, or probe points as written. Empty when none does.
     */
    public synchronized List<Snippet> find(String ref) {
        return book.find(ref);
    }

    /** The one running snippet {@code ref} names; IllegalArgumentException saying why there is not one. */
    public synchronized Snippet findOne(String ref) {
        return book.findOne(ref);
    }

    /**
     * Removes a running snippet. Refused (with the compiler's diagnostics and the snippet still VALID) when
     * the rest of the session needs it, e.g. a function a probe calls.
     */
    public synchronized List<SnippetEvent> drop(Snippet s) {
        ensureOpen();
        return book.drop(s, engine, options.limits());
    }

    /**
     * Replaces a running snippet by new text ({@code :edit}): one transaction, so on failure the old snippet
     * keeps running. Empty text drops it.
     */
    public synchronized List<SnippetEvent> replace(Snippet s, String text) {
        ensureOpen();
        if (!book.active().contains(s)) {
            throw new IllegalArgumentException("#" + s.id() + " is not part of the session");
        }
        return evalInput(text, s);
    }

    /** Evaluates a script file's text as declarations ({@code :load}); it is not added to the history. */
    public synchronized List<SnippetEvent> load(String text) {
        ensureOpen();
        return evalInput(text, null);
    }

    /** Drops every snippet and unloads everything, without running end probes. */
    public synchronized List<SnippetEvent> reset() {
        ensureOpen();
        engine.reset(options.limits());
        lastSample.clear();
        return book.dropAll();
    }

    /**
     * Changes a setting ({@code :set}); returns notices. A new limit recompiles and reloads the session and
     * is refused, with nothing changed, if that fails. IllegalArgumentException carries the reason.
     */
    public synchronized List<String> set(String name, String value) {
        ensureOpen();
        LiveOptions.Option o = LiveOptions.find(name);
        if (o == null) {
            throw new IllegalArgumentException("no setting " + name + "; :show lists them");
        }
        switch (o.name()) {
            case LiveOptions.OUTPUT:
                return redirect(value);
            case LiveOptions.COLOUR:
            case LiveOptions.TIMESTAMPS:
                options.setFlag(o.name(), value);
                return List.of();
            default:
                return setLimit(o.name(), value);
        }
    }

    private List<String> redirect(String value) {
        boolean terminal = value.equals("terminal") || value.equals("-");
        try {
            out.redirect(terminal ? null : Path.of(value));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("cannot write to " + value + ": No such file or directory");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IllegalArgumentException("cannot write to " + value + ": Permission denied");
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot write to " + value + ": " + Reloader.message(e));
        }
        options.outputFile(terminal ? null : value);
        return List.of(terminal ? "probe output goes to the terminal" : "probe output is appended to " + value);
    }

    private List<String> setLimit(String name, String value) {
        RuntimeLimits next = options.limitsWith(name, value);
        List<String> notices = new ArrayList<>();
        if (!book.active().isEmpty()) {
            Engine.Outcome o = engine.apply(book.active(), java.util.Set.of(), next);
            if (!o.ok()) {
                StringBuilder why = new StringBuilder(name + " not changed:");
                o.diagnostics().forEach(d -> why.append('\n').append(d.render().stripTrailing()));
                if (o.error() != null) {
                    why.append('\n').append(o.error());
                }
                throw new IllegalArgumentException(why.toString());
            }
            notices.addAll(o.general());
        }
        options.limits(next);
        return notices;
    }

    /**
     * Compiles an empty session once, so that loading the tapset library and warming the compiler do not
     * delay the first input. Safe to call from any thread; failures are ignored (the first real input
     * reports them).
     */
    public void warmUp() {
        try {
            engine.compiler().compile(List.of(new io.jstap.compiler.diag.Source("<warm-up>", "probe never {}\n")),
                    options.limits());
        } catch (RuntimeException e) {
            // reported when it matters, by the first real compilation
        }
    }

    /** Interrupts a running statement (the REPL's Ctrl-C); false if none is running. */
    public boolean interrupt() {
        return statements.interrupt();
    }

    /** Detaches every kernel probe and stops timers; maps and values stay. */
    public synchronized void pause() {
        ensureOpen();
        engine.pause();
    }

    /** Attaches everything again; returns why some probe could not be attached, or null. */
    public synchronized String resume() {
        ensureOpen();
        return engine.resume();
    }

    public synchronized boolean paused() {
        return engine.paused();
    }

    /** The running declaration snippets, in module order. */
    public synchronized List<Snippet> snippets() {
        return book.active();
    }

    /** Every snippet ever entered, by id. */
    public synchronized List<Snippet> allSnippets() {
        return book.all();
    }

    public synchronized Snippet.Status status(Snippet s) {
        return book.status(s);
    }

    /** Inputs in the order they were evaluated. */
    public synchronized List<String> history() {
        return List.copyOf(history);
    }

    /** The running snippets as one runnable script ({@code :save}). */
    public synchronized String script() {
        StringBuilder sb = new StringBuilder();
        for (Snippet s : book.active()) {
            sb.append(s.source());
        }
        return sb.toString();
    }

    /** The globals of the session now: the running store, or an empty heap store before anything runs. */
    public synchronized MapStore store() {
        Generation g = engine.generation();
        return g != null ? g.store() : engine.carrier().heap();
    }

    /** The declaration of a global the running code knows, if any. */
    public synchronized Optional<GlobalDecl> global(String name) {
        MapStore st = store();
        try {
            return Optional.of(st.decl(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Every declared global with its type, size and storage ({@code :globals}). */
    public synchronized List<GlobalView> globals() {
        return Views.globals(book.active(), engine);
    }

    /** Every probe snippet with its points, attachments, hits and errors ({@code :probes}). */
    public synchronized List<ProbeView> probes() {
        return Views.probes(book.active(), engine, lastSample);
    }

    public LiveOptions options() {
        return options;
    }

    /**
     * Called once when a probe or statement calls {@code exit()}. It runs on the thread that saw the exit
     * (possibly the output reader), so it must only signal the REPL to quit, never call {@link #close()}.
     */
    public void onExit(Runnable r) {
        engine.onExit(r);
    }

    public boolean exitRequested() {
        return engine.exitRequested();
    }

    /** The kernel scope of the session (for tests and diagnostics). */
    public KernelResources resources() {
        return engine.resources();
    }

    /** The running side, for tests of this package. */
    Engine engine() {
        return engine;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the session is closed");
        }
    }

    public synchronized boolean closed() {
        return closed;
    }

    /**
     * {@code :quit}: detaches everything, delivers the remaining output, runs end probes once with stap's
     * display of unread globals, and releases every kernel object. Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            engine.shutdown();
        } finally {
            out.close();
        }
    }
}
