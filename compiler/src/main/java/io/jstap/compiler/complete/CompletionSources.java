package io.jstap.compiler.complete;

import io.jstap.compiler.probe.ProbeCatalog;
import java.util.Collection;
import java.util.List;

/**
 * Everything completion needs to know about the machine and the session. The REPL implements it over its
 * live session; tests implement it with fixed values. Only {@link #catalog()} is required.
 */
public interface CompletionSources {

    /** Tracepoints, syscalls, binaries and kernel features. */
    ProbeCatalog catalog();

    /** Tapset probe aliases, dotted: {@code syscall.read}, {@code syscall.read.return}, {@code vfs.read}. */
    default Collection<String> aliasNames() {
        return List.of();
    }

    /** Builtin, tapset and session functions. */
    default Collection<FunctionInfo> functions() {
        return List.of();
    }

    /** Globals of the session. */
    default Collection<GlobalInfo> globals() {
        return List.of();
    }

    /** The REPL's {@code :} commands. */
    default Collection<CommandInfo> commands() {
        return List.of();
    }

    /** The REPL's snippets, for command arguments of kind {@link ArgKind#SNIPPET}. */
    default Collection<SnippetInfo> snippets() {
        return List.of();
    }

    /** The REPL's options, for {@code :set}. */
    default Collection<OptionInfo> options() {
        return List.of();
    }

    /**
     * Context variables of a probe point as {@code $name:type}. The default computes them for
     * {@code kernel.trace("cat:event")} and {@code syscall.NAME[.return]} from the catalog's tracepoint
     * formats; override to add what tapsets or debug information know.
     */
    default List<String> contextVars(String probePointText) {
        return ContextVars.fromCatalog(catalog(), probePointText);
    }
}
