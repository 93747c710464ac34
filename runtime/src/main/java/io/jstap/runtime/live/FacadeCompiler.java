package io.jstap.runtime.live;

import io.jstap.compiler.CompileOptions;
import io.jstap.compiler.ScriptCompiler;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.parse.PreprocessorContext;
import io.jstap.compiler.probe.ProbeCatalog;
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

    /** Options for the machine the catalog describes: its kernel release and architecture. */
    public static CompileOptions optionsFor(ProbeCatalog catalog) {
        PreprocessorContext d = PreprocessorContext.defaults();
        PreprocessorContext pp = new PreprocessorContext(catalog.kernelRelease(), catalog.arch(), d.runtime(),
                d.systemtapVersion(), d.kconfig(), List.of());
        return CompileOptions.defaults().withPreprocessor(pp);
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
                options.targetPid(), options.preprocessor(), limits);
        ScriptCompiler.Result r = ScriptCompiler.compile(sources, o, catalog, ScriptCompiler.TRANSLATE);
        return new Compiled(r.module(), r.diagnostics());
    }
}
