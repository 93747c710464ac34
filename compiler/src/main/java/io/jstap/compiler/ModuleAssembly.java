package io.jstap.compiler;

import io.jstap.compiler.bpfgen.CodegenException;
import io.jstap.compiler.bpfgen.ModuleBuilder;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.lower.LoweredProgram;
import io.jstap.compiler.module.Module;

/** Pass 3's last step: the kernel back end turns the lowered program into a loadable module. */
final class ModuleAssembly {
    private ModuleAssembly() {
    }

    static Module build(LoweredProgram lowered, CompileOptions options, Diagnostics diags,
                        java.util.List<Source> sources) {
        try {
            return ModuleBuilder.build(lowered.ir(), lowered.kernelProbes(), lowered.userProbes(), options.limits());
        } catch (CodegenException e) {
            diags.add(Diagnostic.semanticError("codegen", e.getMessage(), span(e.loc(), sources)));
            return null;
        }
    }

    /** A span for a back-end location: the line of the file is shown when the source is known. */
    private static Span span(SrcLoc loc, java.util.List<Source> sources) {
        if (loc == null || loc.line() <= 0) {
            return Span.NONE;
        }
        Source src = sources.stream().filter(s -> s.name().equals(loc.file())).findFirst()
                .orElse(new Source(loc.file(), ""));
        return new Span(src, loc.line(), loc.col(), 0, 1);
    }
}
