package io.jstap.repl;

import io.jstap.compiler.ast.AstPrinter;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.parse.ParseResult;
import io.jstap.compiler.parse.Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a script given on the command line, pass by pass, the way stap does: {@code -p1} stops after
 * parsing and prints the parse tree. Later passes are not wired yet; {@link #notAvailable} says so.
 */
final class ScriptDriver {
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream stdin;

    ScriptDriver(PrintWriter out, PrintWriter err, InputStream stdin) {
        this.out = out;
        this.err = err;
        this.stdin = stdin;
    }

    /**
     * @param text       the {@code -e} script, or null
     * @param positional the script file (unless {@code -e}; "-" reads stdin) followed by its arguments
     * @param lastPass   the {@code -p} pass to stop after, or null to run the script
     * @return the exit code
     */
    int run(String text, List<String> positional, Integer lastPass) {
        if (lastPass != null && (lastPass < 1 || lastPass > 5)) {
            err.println("jstap: invalid pass number " + lastPass + " (expected 1 to 5)");
            return 1;
        }
        if (text == null && positional.isEmpty()) {
            return notAvailable("the interactive REPL");
        }
        Source source;
        List<String> args;
        if (text != null) {
            source = new Source("<input>", text);
            args = positional;
        } else {
            source = read(positional.get(0));
            if (source == null) {
                return 1;
            }
            args = positional.subList(1, positional.size());
        }
        ParseResult parsed = Parser.parse(source, HostContext.of(args));
        err.print(parsed.diagnostics().render());
        if (parsed.diagnostics().hasErrors()) {
            int n = parsed.diagnostics().errorCount();
            err.println(n + (n == 1 ? " parse error." : " parse errors."));
            err.println("Pass 1: parse failed.");
            return 1;
        }
        if (lastPass != null && lastPass == 1) {
            out.println("# parse tree dump");
            out.println("# file " + source.name());
            out.print(AstPrinter.print(parsed.script()));
            out.flush();
            return 0;
        }
        return notAvailable(lastPass == null ? "running scripts" : "pass " + lastPass + " (" + PASSES[lastPass] + ")");
    }

    private static final String[] PASSES = {"", "parse", "elaborate", "translate", "load", "run"};

    /** The one place that says a part of jstap is not there yet. */
    private int notAvailable(String what) {
        err.println("jstap: " + what + " is not available yet; only -p1 is: jstap -p1 SCRIPT.stp, or jstap -p1 -e 'SCRIPT'");
        return 1;
    }

    /** The script file, or stdin for "-"; null (after saying why) when it cannot be read. */
    private Source read(String file) {
        try {
            if (file.equals("-")) {
                return new Source("<stdin>", new String(stdin.readAllBytes(), StandardCharsets.UTF_8));
            }
            return new Source(file, new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            err.println("jstap: cannot read '" + file + "': no such file");
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("jstap: cannot read '" + file + "': " + why);
        }
        return null;
    }
}
