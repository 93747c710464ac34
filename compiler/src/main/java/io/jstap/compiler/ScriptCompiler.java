package io.jstap.compiler;

import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.lower.LoweredProgram;
import io.jstap.compiler.lower.Lowering;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.sema.Pipeline;
import io.jstap.compiler.sema.Program;
import java.util.List;

/**
 * The compiler's pipeline in one place: parse (pass 1), elaborate (pass 2), lower and build the module
 * (pass 3). Each pass runs only if the previous one ended without errors. Nothing here makes a syscall.
 */
public final class ScriptCompiler {
    public static final int PARSE = 1;
    public static final int ELABORATE = 2;
    public static final int TRANSLATE = 3;

    private ScriptCompiler() {
    }

    /**
     * What a compilation produced up to the pass it stopped at; {@code module} is null unless pass 3
     * completed without errors.
     */
    public record Result(List<Script> scripts, Program program, LoweredProgram lowered, Module module,
                         Diagnostics diagnostics) {
        public boolean ok() {
            return !diagnostics.hasErrors();
        }
    }

    /** Compiles {@code sources} (scripts or REPL snippets, in order) through pass {@code lastPass}. */
    public static Result compile(List<Source> sources, CompileOptions options, ProbeCatalog catalog, int lastPass) {
        Diagnostics diags = new Diagnostics();
        List<Script> scripts = List.of();
        Program program = null;
        LoweredProgram lowered = null;
        Module module = null;
        try {
            Pipeline.Result front = lastPass < ELABORATE
                    ? Pipeline.parse(sources, options.elabOptions(), catalog)
                    : Pipeline.elaborate(sources, options.elabOptions(), catalog);
            diags.addAll(front.diagnostics());
            scripts = front.scripts();
            program = front.program();
            if (diags.hasErrors() || lastPass < TRANSLATE) {
                return new Result(scripts, program, null, null, diags);
            }
            lowered = Lowering.lower(program, diags, catalog.arch(), catalog.taskLayout().orElse(null));
            if (diags.hasErrors()) {
                return new Result(scripts, program, lowered, null, diags);
            }
            // the tapset files of called functions too, so an error located in tapset code shows its line
            List<Source> known = new java.util.ArrayList<>(sources);
            program.functions().values().stream().filter(f -> f.decl() != null)
                    .map(f -> f.decl().span().source()).distinct().forEach(known::add);
            module = ModuleAssembly.build(lowered, options, diags, known);
        } catch (RuntimeException | StackOverflowError e) {
            // A compiler bug must still reach the user as a diagnostic, never as a stack trace.
            diags.add(Diagnostic.semanticError("internal", "internal compiler error: " + e, Span.NONE,
                    "please report this with the script that caused it"));
        }
        return new Result(scripts, program, lowered, diags.hasErrors() ? null : module, diags);
    }
}
