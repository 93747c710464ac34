package io.jstap.repl;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import io.jstap.repl.cli.Driver;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code jstap} command: stap's options, a script or {@code -e}, or the REPL. */
@Command(name = "jstap", mixinStandardHelpOptions = false, sortOptions = false,
        description = "SystemTap scripts compiled to eBPF, with a live REPL.")
public final class Main implements Callable<Integer> {

    @Option(names = "-e", paramLabel = "SCRIPT", description = "Run the given script text.")
    String scriptText;

    @Option(names = "-p", paramLabel = "NUM", description = "Stop after pass NUM (1 parse, 2 elaborate, 3 translate, 4 load).")
    Integer lastPass;

    @Option(names = "-v", description = "More verbose; repeat for more.")
    boolean[] verbose = new boolean[0];

    @Option(names = "-I", paramLabel = "DIR", description = "Add a tapset directory.")
    List<String> tapsetDirs = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME=VALUE", description = "Set a limit (MAXSTRINGLEN, MAXMAPENTRIES, MAXACTION, ...).")
    List<String> defineArgs = new ArrayList<>();

    @Option(names = "-G", paramLabel = "NAME=VALUE", description = "Set a global's initial value.")
    Map<String, String> globalValues = new LinkedHashMap<>();

    @Option(names = "-o", paramLabel = "FILE", description = "Write output to FILE.")
    String outputFile;

    @Option(names = "-c", paramLabel = "CMD", description = "Start CMD after probes are attached; stop when it exits.")
    String command;

    @Option(names = "-x", paramLabel = "PID", description = "Set target() to PID.")
    Integer targetPid;

    @Option(names = "-T", paramLabel = "SECONDS", description = "Stop after SECONDS.")
    Double timeout;

    @Option(names = "-l", paramLabel = "PROBE", description = "List probe points matching PROBE.")
    String listPattern;

    @Option(names = "-L", paramLabel = "PROBE", description = "List probe points matching PROBE, with context variables.")
    String listVarsPattern;

    @Option(names = "-i", description = "Start the interactive REPL (after loading the script, if any).")
    boolean interactive;

    @Option(names = "--probe-features", description = "Report which probe kinds, program types, maps and helpers this kernel supports.")
    boolean probeFeatures;

    @Option(names = "--version", description = "Print the version and exit.")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(paramLabel = "SCRIPT [ARG...]", description = "A script file and its arguments ($1, @1, ...).")
    List<String> positional = new ArrayList<>();

    private final PrintWriter out;
    private final PrintWriter err;

    Main(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }

    /** Runs the command line; returns the process exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main(out, err);
        CommandLine cl = new CommandLine(main);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("jstap: " + ex.getMessage());
            err.println("Try 'jstap --help' for more information.");
            return 1;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> internalError(ex, main.verbose.length, err));
        try {
            return cl.execute(args);
        } catch (StackOverflowError e) {
            err.println("jstap: the script is nested too deeply to process (stack overflow)");
            if (main.verbose.length > 0) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("jstap: out of memory (give Java more with JSTAP_JAVA_OPTS=-Xmx...)");
            return 1;
        } catch (RuntimeException | Error e) {
            return internalError(e, main.verbose.length, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * A failure no user input should cause: one line saying what broke (a stack trace only with -v, for the
     * bug report), exit code 1.
     */
    private static int internalError(Throwable e, int verbose, PrintWriter err) {
        if (shuttingDown()) {
            return 1; // a signal is ending the JVM and its cleanup closed what this pass was using: not a bug
        }
        if (verbose > 0) {
            e.printStackTrace(err);
        } else {
            err.println("jstap: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (run with -v for details)");
        }
        err.flush();
        return 1;
    }

    /** Whether the JVM is exiting: only then does registering a shutdown hook fail. */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    @Override
    public Integer call() {
        if (version) {
            out.println("jstap " + Version.string() + " (SystemTap language, eBPF backend)");
            return 0;
        }
        if (listPattern != null && listVarsPattern != null) {
            err.println("jstap: -l and -L cannot be given together");
            return 1;
        }
        Map<String, String> defines = new LinkedHashMap<>();
        for (String d : defineArgs) {
            int eq = d.indexOf('=');
            String name = eq < 0 ? d : d.substring(0, eq);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                err.println("jstap: -D '" + d + "': expected NAME=VALUE with NAME a C identifier");
                return 1;
            }
            defines.put(name, eq < 0 ? "1" : d.substring(eq + 1)); // -D NAME means 1, as for the C compiler
        }
        if (interactive || scriptText == null && positional.isEmpty() && listPattern == null
                && listVarsPattern == null && !probeFeatures) {
            return io.jstap.repl.shell.Repl.run(scriptText, positional, tapsetDirs, defines, err);
        }
        Driver.Request r = new Driver.Request(scriptText, positional, lastPass, verbose.length, tapsetDirs, defines,
                outputFile, command, targetPid, timeout, listPattern != null ? listPattern : listVarsPattern,
                listVarsPattern != null, probeFeatures);
        return new Driver(out, err, System.in).run(r);
    }
}
