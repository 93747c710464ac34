package io.jstap.runtime.live;

import io.jstap.compiler.CompileOptions;
import io.jstap.compiler.ScriptCompiler;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.parse.PreprocessorContext;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.sema.Pipeline;
import java.util.List;

/** The session's compiler: the compiler facade through pass 3, over the machine's probe catalog. */
public final class FacadeCompiler implements ModuleCompiler {

    private final CompileOptions options;
    private final ProbeCatalog catalog;

    /** {@code options}' limits are replaced by the session's on every compilation. */
    public FacadeCompiler(CompileOptions options, ProbeCatalog catalog) {
        this.options = options;
        this.catalog = catalog;
    }

    /** Default options; the machine's kernel release and architecture come from the catalog. */
    public static CompileOptions optionsFor(ProbeCatalog catalog) {
        return CompileOptions.defaults();
    }

    /** What {@code %( %)} conditions test: the catalog's kernel and architecture. */
    public PreprocessorContext preprocessor() {
        return Pipeline.context(options.elabOptions(), catalog);
    }

    public CompileOptions options() {
        return options;
    }

    public ProbeCatalog catalog() {
        return catalog;
    }

    @Override
    public Compiled compile(List<Source> sources, RuntimeLimits limits) {
        CompileOptions o = new CompileOptions(options.includeDirs(), options.defines(), options.scriptArgs(),
                options.targetPid(), limits);
        ScriptCompiler.Result r = ScriptCompiler.compile(sources, o, catalog, ScriptCompiler.TRANSLATE);
        return new Compiled(r.module(), r.diagnostics());
    }
}
