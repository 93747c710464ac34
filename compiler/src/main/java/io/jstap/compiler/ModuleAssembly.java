package io.jstap.compiler;

import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.lower.LoweredProgram;
import io.jstap.compiler.module.Module;

/** Pass 3's last step: the kernel back end turns the lowered program into a loadable module. */
final class ModuleAssembly {
    private ModuleAssembly() {
    }

    static Module build(LoweredProgram lowered, CompileOptions options, Diagnostics diags) {
        throw new UnsupportedOperationException("the kernel back end is not built yet");
    }
}
