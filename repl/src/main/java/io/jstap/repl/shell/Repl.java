package io.jstap.repl.shell;

import io.jstap.compiler.CompileOptions;
import io.jstap.compiler.complete.CompletionAnalyzer;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.runtime.catalog.MachineProbeCatalog;
import io.jstap.runtime.live.FacadeCompiler;
import io.jstap.runtime.live.LiveOptions;
import io.jstap.runtime.live.LiveSession;
import io.jstap.runtime.live.SnippetEvent;
import io.jstap.runtime.live.commands.CommandResult;
import io.jstap.runtime.live.commands.CommandTable;
import io.jstap.runtime.session.Privileges;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;

/**
 * The interactive REPL: a JLine reader with the prompt {@code stap> }, continuation lines for unfinished
 * input, Tab completion and highlighting from the compiler's analysis, probe output printed above the
 * prompt as it arrives, and a persistent history. Everything it shows comes from a {@link LiveSession} and
 * the {@link CommandTable}; it decides nothing itself.
 */
public final class Repl {

    static final String PROMPT = "stap> ";
    static final String CONTINUATION = "   > ";

    private final Terminal terminal;
    private final LiveSession session;
    private final CommandTable commands;
    private final TerminalOutput output;
    private final LineReader reader;
    private final ShellEditor editor;
    private final EventRenderer renderer;

    /**
     * @param history the history file (created 0600 if missing), or null for none
     */
    Repl(Terminal terminal, FacadeCompiler compiler, ProbeCatalog catalog, LiveOptions options, Path history,
         List<Path> includeDirs) {
        this.terminal = terminal;
        this.commands = CommandTable.standard();
        AtomicReference<LineReader> ref = new AtomicReference<>();
        this.output = new TerminalOutput(s -> ref.get().printAbove(s), options::colour, options::timestamps);
        this.session = new LiveSession(compiler, compiler.preprocessor(), output, options);
        SessionSources sources = new SessionSources(session, catalog, commands, includeDirs);
        ShellParser parser = new ShellParser(new CompletionAnalyzer(sources));
        LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("jstap").parser(parser)
                .completer(new ShellCompleter(parser)).highlighter(new ShellHighlighter(options::colour))
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                .variable(LineReader.INDENTATION, 2)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.INSERT_BRACKET, false)
                .option(LineReader.Option.AUTO_FRESH_LINE, true);
        if (history != null) {
            b.variable(LineReader.HISTORY_FILE, history);
        }
        this.reader = b.build();
        // closing brackets are plain characters: JLine's default re-indents and eats the blank before them
        for (String close : List.of("}", ")", "]")) {
            reader.getKeyMaps().get(LineReader.MAIN).bind(new org.jline.reader.Reference(LineReader.SELF_INSERT), close);
        }
        ref.set(reader);
        this.editor = new ShellEditor(reader, output, System.getenv());
        this.renderer = new EventRenderer(options.colour());
        session.onExit(() -> terminal.raise(Terminal.Signal.INT));
    }

    /** Starts the REPL on the process's terminal; with {@code script} its declarations are loaded first. */
    public static int run(String scriptText, List<String> positional, List<String> includeDirs,
                          Map<String, String> defines, PrintWriter err) {
        if (Privileges.missing().isPresent()) {
            err.println("ERROR: " + Privileges.missing().get());
            return 1;
        }
        List<Path> dirs = new ArrayList<>();
        for (String d : includeDirs) {
            // one bad -I would fail every later input of the session: say so once and go on without it
            if (Files.isDirectory(Path.of(d)) && Files.isReadable(Path.of(d))) {
                dirs.add(Path.of(d));
            } else {
                err.println("jstap: ignoring -I " + d + ": not a readable directory");
            }
        }
        MachineProbeCatalog catalog = new MachineProbeCatalog();
        CompileOptions options;
        try {
            options = FacadeCompiler.optionsFor(catalog).withIncludeDirs(dirs).withDefines(defines);
        } catch (IllegalArgumentException e) {
            err.println("jstap: " + e.getMessage());
            return 1;
        }
        String preload;
        try {
            preload = scriptText != null ? scriptText
                    : positional.isEmpty() ? null : Files.readString(Path.of(positional.get(0)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("jstap: cannot read " + positional.get(0) + ": " + e.getMessage());
            return 1;
        }
        try (Terminal terminal = TerminalBuilder.builder().name("jstap").system(true).build()) {
            boolean colour = !"dumb".equals(terminal.getType()) && System.getenv("NO_COLOR") == null;
            String home = System.getenv().getOrDefault("HOME", System.getProperty("user.home"));
            Path history = historyFile(Path.of(home, ".jstap_history"), err);
            Repl repl = new Repl(terminal, new FacadeCompiler(options, catalog), catalog,
                    new LiveOptions(options.limits(), colour), history, dirs);
            return repl.loop(preload);
        } catch (IOException e) {
            err.println("jstap: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    /** The history file, created readable by its owner only; null (no history) if that is impossible. */
    static Path historyFile(Path file, PrintWriter err) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            }
            return file;
        } catch (IOException | UnsupportedOperationException e) {
            err.println("jstap: no history: cannot create " + file + ": " + e.getMessage());
            return null;
        }
    }

    /** Reads and evaluates until {@code :quit}, Ctrl-D or {@code exit()}; returns the exit status. */
    int loop(String preload) {
        terminal.handle(Terminal.Signal.INT, s -> interrupt());
        ShellSignals signals = ShellSignals.install(session, terminal);
        Thread warm = new Thread(session::warmUp, "compiler-warm-up");
        warm.setDaemon(true);
        warm.start();
        show(new AttributedString("jstap: SystemTap at a prompt. :help lists commands; Ctrl-D quits.\n"));
        if (preload != null) {
            show(renderer.events(session.load(preload)));
        }
        try {
            while (!session.closed()) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    if (session.exitRequested()) {
                        quit();
                        break;
                    }
                    discarded();
                    continue;
                } catch (EndOfFileException e) {
                    quit();
                    break;
                }
                if (!handle(line)) {
                    break;
                }
                if (session.exitRequested()) {
                    quit();
                    break;
                }
            }
        } finally {
            signals.loopEnded();
            if (!session.closed()) {
                session.close();
            }
            output.close();
            saveHistory();
        }
        return 0;
    }

    /** One accepted input; false when the REPL should end. */
    boolean handle(String line) {
        if (session.closed()) {
            return false; // a signal ended the session while the line was being read
        }
        if (line.isBlank()) {
            return true;
        }
        if (CommandTable.isCommand(line)) {
            CommandResult r = commands.execute(session, editor, line);
            output.drain();
            show(renderer.result(r));
            return !r.quit();
        }
        List<SnippetEvent> events = session.eval(line);
        output.drain();
        show(renderer.events(events));
        return true;
    }

    /** Ctrl-C outside the reader: stop a running statement, or drop queued output. */
    private void interrupt() {
        if (!session.interrupt()) {
            discarded();
        }
    }

    private void discarded() {
        long n = output.discard();
        if (n > 0) {
            show(new AttributedString("[" + n + " lines of output discarded]\n"));
        }
    }

    private void quit() {
        CommandResult r = commands.execute(session, editor, ":quit");
        output.drain();
        show(renderer.result(r));
    }

    private void show(AttributedString s) {
        if (s.length() == 0) {
            return;
        }
        reader.printAbove(s);
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            terminal.writer().println("jstap: history not saved: " + e.getMessage());
        }
    }

    LiveSession session() {
        return session;
    }
}
