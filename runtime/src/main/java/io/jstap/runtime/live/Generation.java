package io.jstap.runtime.live;

import io.jstap.compiler.exec.Interpreter;
import io.jstap.compiler.module.Module;
import java.util.List;

/**
 * The running state after one successful reload: the snippets it was compiled from, how their text was
 * joined, the module, what of it is in the kernel, the store over its globals and the interpreter its
 * userspace probes run in. Replaced as a whole by the next reload.
 */
record Generation(List<Snippet> snippets, SourceMap sources, Module module, KernelSet kernel, LiveStore store,
                  Interpreter interpreter) {

    Generation {
        snippets = List.copyOf(snippets);
    }

    /** The id of the snippet a source line of this generation's joined text belongs to, or -1. */
    int snippetAt(int line) {
        return sources.snippetAtLine(line);
    }
}
