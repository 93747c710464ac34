package io.jstap.compiler.exec;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The intrinsic functions userspace probes can call, by name. Functions that need kernel context
 * (user_string, backtraces, task_* ...) are absent: the lowering keeps probes that call them in BPF.
 */
public final class Builtins {

    private static final Builtins STANDARD = new Builtins();

    private final Map<String, Builtin> table = new TreeMap<>();

    private Builtins() {
        ControlBuiltins.register(this);
        ContextBuiltins.register(this);
        PrintBuiltins.register(this);
        StringBuiltins.register(this);
    }

    static Builtins standard() {
        return STANDARD;
    }

    void add(String name, Builtin fn) {
        if (table.put(name, fn) != null) {
            throw new IllegalStateException("builtin " + name + " registered twice");
        }
    }

    Builtin lookup(String name) {
        return table.get(name);
    }

    /** Names of every intrinsic the interpreter implements. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(STANDARD.table.keySet());
    }

    /** True when a userspace probe can call this intrinsic. */
    public static boolean supports(String name) {
        return STANDARD.table.containsKey(name);
    }
}
