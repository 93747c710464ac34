package io.jstap.compiler.sema;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What elaboration needs from the command line: tapset directories ({@code -I}), macro definitions
 * ({@code -D NAME=VALUE}), script arguments ({@code $1}, {@code @1}), the target process ({@code -x PID}/
 * {@code -c CMD}; 0 when there is none) and {@code -u} ({@code unoptimized}: keep alias variables nothing
 * reads, and one probe per alias even where their bodies end up equal).
 */
public record ElabOptions(List<Path> includeDirs, Map<String, String> defines, List<String> scriptArgs,
                          long targetPid, boolean unoptimized) {

    public ElabOptions {
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
        scriptArgs = List.copyOf(scriptArgs);
    }

    public ElabOptions(List<Path> includeDirs, Map<String, String> defines, List<String> scriptArgs, long targetPid) {
        this(includeDirs, defines, scriptArgs, targetPid, false);
    }

    public static ElabOptions defaults() {
        return new ElabOptions(List.of(), Map.of(), List.of(), 0, false);
    }

    public ElabOptions withScriptArgs(List<String> args) {
        return new ElabOptions(includeDirs, defines, args, targetPid, unoptimized);
    }

    public ElabOptions withIncludeDirs(List<Path> dirs) {
        return new ElabOptions(dirs, defines, scriptArgs, targetPid, unoptimized);
    }

    public ElabOptions withUnoptimized(boolean u) {
        return new ElabOptions(includeDirs, defines, scriptArgs, targetPid, u);
    }
}
