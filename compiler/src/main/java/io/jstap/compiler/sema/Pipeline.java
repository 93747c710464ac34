package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.parse.ParseResult;
import io.jstap.compiler.parse.Parser;
import io.jstap.compiler.parse.PreprocessorContext;
import io.jstap.compiler.probe.ProbeCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * The front end in order: pass 1 parses every source (preprocessing with the catalog's kernel and the
 * script arguments), pass 2 elaborates them together ({@link Elaborator} lists its own steps). Elaboration
 * is skipped when parsing failed, as stap stops after the pass that reported errors.
 */
public final class Pipeline {

    /** The parsed scripts, the elaborated program (null if parsing failed) and every diagnostic. */
    public record Result(List<Script> scripts, Program program, Diagnostics diagnostics) {
        public boolean ok() {
            return program != null && !diagnostics.hasErrors();
        }
    }

    private Pipeline() {
    }

    /** Pass 1 only. */
    public static Result parse(List<Source> sources, ElabOptions options, ProbeCatalog catalog) {
        Diagnostics diags = new Diagnostics();
        PreprocessorContext ctx = context(options, catalog);
        List<Script> scripts = new ArrayList<>();
        for (Source s : sources) {
            ParseResult r = Parser.parse(s, ctx);
            diags.addAll(r.diagnostics());
            scripts.add(r.script());
        }
        return new Result(scripts, null, diags);
    }

    /** Passes 1 and 2. */
    public static Result elaborate(List<Source> sources, ElabOptions options, ProbeCatalog catalog) {
        Result parsed = parse(sources, options, catalog);
        if (parsed.diagnostics().hasErrors()) {
            return parsed;
        }
        ElabResult r = Elaborator.elaborate(parsed.scripts(), options, catalog);
        Diagnostics diags = new Diagnostics();
        diags.addAll(parsed.diagnostics());
        diags.addAll(r.diagnostics());
        return new Result(parsed.scripts(), r.program(), diags);
    }

    /** The preprocessor context of user scripts: the catalog's kernel and the script arguments. */
    public static PreprocessorContext context(ElabOptions options, ProbeCatalog catalog) {
        PreprocessorContext d = PreprocessorContext.defaults();
        return new PreprocessorContext(catalog.kernelRelease(), catalog.arch(), d.runtime(), d.systemtapVersion(),
                d.kconfig(), options.scriptArgs());
    }
}
