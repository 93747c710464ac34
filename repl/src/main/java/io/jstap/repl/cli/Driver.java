package io.jstap.repl.cli;

import io.jstap.compiler.CompileOptions;
import io.jstap.compiler.ScriptCompiler;
import io.jstap.compiler.ast.AstPrinter;
import io.jstap.compiler.ast.Script;
import io.jstap.compiler.bpfgen.ModulePrinter;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.sema.ElabPrinter;
import io.jstap.compiler.sema.ProbeListing;
import io.jstap.runtime.catalog.MachineProbeCatalog;
import io.jstap.runtime.output.TextOutput;
import io.jstap.runtime.session.Privileges;
import io.jstap.runtime.session.RunOptions;
import io.jstap.runtime.session.ScriptRun;
import io.jstap.runtime.session.VerifyReport;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the command line does with its options: list probe points, stop after a pass and print it, or
 * compile, load and run a script. Passes are numbered as stap's: 1 parse, 2 elaborate, 3 translate,
 * 4 load into the kernel without attaching, 5 run.
 */
public final class Driver {

    /** The options the command line parsed; null fields were not given. */
    public record Request(String scriptText, List<String> positional, Integer lastPass, int verbose,
                          List<String> includeDirs, Map<String, String> defines, String outputFile, String command,
                          Integer targetPid, Double timeout, String listPattern, boolean listVars,
                          boolean probeFeatures) {
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;

    public Driver(PrintWriter out, PrintWriter err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public int run(Request r) {
        try {
            return dispatch(r);
        } catch (UsageException e) {
            err.println("jstap: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("jstap: " + e.getMessage());
            return 1;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(Request r) throws UsageException {
        if (r.probeFeatures()) {
            out.print(new MachineProbeCatalog().probeFeaturesReport());
            return 0;
        }
        if (r.outputFile() != null && r.outputFile().isEmpty()) {
            throw new UsageException("-o needs a file name"); // Path.of("") is the current directory
        }
        CompileOptions options = options(r);
        if (r.listPattern() != null) {
            return list(r.listPattern(), r.listVars(), options);
        }
        Source source;
        List<String> args;
        if (r.scriptText() != null) {
            source = ScriptInput.fromText(r.scriptText());
            args = r.positional();
        } else if (!r.positional().isEmpty()) {
            source = ScriptInput.fromFile(r.positional().get(0), in);
            args = r.positional().subList(1, r.positional().size());
        } else {
            throw new UsageException("no script given: use -e SCRIPT, a script file, or no arguments for the REPL");
        }
        options = options.withScriptArgs(args);
        int last = r.lastPass() == null ? 5 : r.lastPass();
        if (last < 1 || last > 5) {
            throw new UsageException("invalid pass number " + last + " (1-5)");
        }
        if (last >= 4 && Privileges.missing().isPresent()) {
            err.println("ERROR: " + Privileges.missing().get());
            return 1;
        }
        return compileAndRun(source, options, last, r);
    }

    /** {@code -l}/{@code -L}: matching probe points, one per line, sorted, as stap prints them. */
    private int list(String pattern, boolean withVars, CompileOptions options) {
        ProbeListing.Result l = ProbeListing.list(pattern, options.elabOptions(), new MachineProbeCatalog());
        if (l.diagnostics().hasErrors()) {
            err.print(l.diagnostics().render());
            return 1;
        }
        for (ProbeListing.Entry e : l.entries()) {
            out.println(e.render(withVars));
        }
        return 0;
    }

    private static CompileOptions options(Request r) {
        List<Path> dirs = new ArrayList<>();
        for (String d : r.includeDirs()) {
            dirs.add(Path.of(d));
        }
        long target = r.targetPid() == null ? 0 : r.targetPid();
        return CompileOptions.defaults().withIncludeDirs(dirs).withDefines(r.defines()).withTargetPid(target);
    }

    private int compileAndRun(Source source, CompileOptions options, int last, Request r) {
        long t0 = System.nanoTime();
        MachineProbeCatalog catalog = new MachineProbeCatalog();
        ScriptCompiler.Result c = ScriptCompiler.compile(List.of(source), options, catalog, Math.min(last, 3));
        if (!c.diagnostics().list().isEmpty()) {
            err.print(c.diagnostics().render());
        }
        if (!c.ok()) {
            err.println("Pass " + failedPass(c) + ": analysis failed.  [man error::pass" + failedPass(c) + "]");
            return 1;
        }
        if (last >= 2 && c.program() != null && c.program().probes().isEmpty()) {
            // stap's pass 2 check: a script without probes would wait forever for nothing
            err.println("semantic error: no probes found");
            err.println("Pass 2: analysis failed.  [man error::pass2]");
            return 1;
        }
        verbose(r, "Pass " + Math.min(last, 3) + ": compiled in " + ms(t0) + " ms");
        switch (last) {
            case 1:
                out.println("# parse tree dump");
                for (Script s : c.scripts()) {
                    out.println("# file " + s.span().source().name());
                    out.print(AstPrinter.print(s));
                }
                return 0;
            case 2:
                out.print(ElabPrinter.print(c.program()));
                return 0;
            case 3:
                out.print(ModulePrinter.print(c.module()));
                return 0;
            case 4:
                VerifyReport report = VerifyReport.verify(c.module());
                out.print(report.render());
                return 0;
            default:
                RunOptions run = new RunOptions(r.command(), r.targetPid(), r.timeout(), r.outputFile(), null,
                        intDefine(r, "MAXERRORS"), false);
                out.flush();
                if (r.outputFile() != null) {
                    return ScriptRun.run(c.module(), run);
                }
                PrintStream errStream = new PrintStream(new WriterStream(err), true, StandardCharsets.UTF_8);
                try (TextOutput text = new TextOutput(new WriterStream(out), false, errStream)) {
                    return ScriptRun.run(c.module(), run, text);
                }
        }
    }

    private static int failedPass(ScriptCompiler.Result c) {
        return c.program() == null ? 1 : c.lowered() == null ? 2 : 3;
    }

    private static int intDefine(Request r, String name) {
        String v = r.defines().get(name);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D " + name + "=" + v + ": not a number");
        }
    }

    private void verbose(Request r, String line) {
        if (r.verbose() > 0) {
            err.println(line);
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
