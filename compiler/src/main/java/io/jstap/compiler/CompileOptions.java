package io.jstap.compiler;

import io.jstap.compiler.exec.RuntimeLimits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a compilation needs from the command line or the REPL: tapset directories ({@code -I}), {@code -D}
 * settings, script arguments, the target process (0 for none) and the runtime limits
 * ({@link #limitsFromDefines}).
 */
public record CompileOptions(List<Path> includeDirs, Map<String, String> defines, List<String> scriptArgs,
                             long targetPid, RuntimeLimits limits) {

    public CompileOptions {
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
        scriptArgs = List.copyOf(scriptArgs);
    }

    public static CompileOptions defaults() {
        return new CompileOptions(List.of(), Map.of(), List.of(), 0, RuntimeLimits.DEFAULTS);
    }

    public CompileOptions withScriptArgs(List<String> args) {
        return new CompileOptions(includeDirs, defines, args, targetPid, limits);
    }

    public CompileOptions withTargetPid(long pid) {
        return new CompileOptions(includeDirs, defines, scriptArgs, pid, limits);
    }

    /** Options with {@code -D} settings and the limits they set (MAXSTRINGLEN, MAXMAPENTRIES, MAXACTION, MAXNESTING). */
    public CompileOptions withDefines(Map<String, String> defs) {
        return new CompileOptions(includeDirs, defs, scriptArgs, targetPid, limitsFromDefines(defs));
    }

    public CompileOptions withIncludeDirs(List<Path> dirs) {
        return new CompileOptions(dirs, defines, scriptArgs, targetPid, limits);
    }

    /**
     * The limits {@code -D} sets. A value that is not a number in range raises IllegalArgumentException with a
     * message for the user.
     */
    /** What elaboration takes of these options. */
    public io.jstap.compiler.sema.ElabOptions elabOptions() {
        return new io.jstap.compiler.sema.ElabOptions(includeDirs, defines, scriptArgs, targetPid);
    }

    public static RuntimeLimits limitsFromDefines(Map<String, String> defs) {
        RuntimeLimits l = RuntimeLimits.DEFAULTS;
        for (Map.Entry<String, String> e : defs.entrySet()) {
            switch (e.getKey()) {
                case "MAXSTRINGLEN":
                    l = l.withMaxStringLen((int) number(e, 2, 4096));
                    break;
                case "MAXMAPENTRIES":
                    l = l.withMaxMapEntries((int) number(e, 1, 1 << 24));
                    break;
                case "MAXACTION":
                    l = new RuntimeLimits(l.maxStringLen(), l.maxMapEntries(), number(e, 1, 1L << 40), l.maxNesting());
                    break;
                case "MAXNESTING":
                    l = new RuntimeLimits(l.maxStringLen(), l.maxMapEntries(), l.maxAction(), (int) number(e, 1, 1000));
                    break;
                default:
                    break;
            }
        }
        return l;
    }

    private static long number(Map.Entry<String, String> e, long min, long max) {
        long v;
        try {
            v = Long.decode(e.getValue().trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("-D " + e.getKey() + "=" + e.getValue() + ": not a number");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("-D " + e.getKey() + "=" + e.getValue() + ": must be between "
                    + min + " and " + max);
        }
        return v;
    }
}
