package io.jstap.runtime.live;

import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.module.Module;
import java.util.List;

/**
 * How the session turns its snippets into a module: the compiler's facade, given the machine's probe
 * catalog. The session calls it after every change with the whole snippet set as one source.
 */
@FunctionalInterface
public interface ModuleCompiler {

    /** The module, or null when there were errors; never throws for anything a user can type. */
    Compiled compile(List<Source> sources, RuntimeLimits limits);

    /** A compilation's outcome: {@code module} is null when {@code diagnostics} has errors. */
    record Compiled(Module module, Diagnostics diagnostics) {
        public boolean ok() {
            return module != null && !diagnostics.hasErrors();
        }
    }
}
