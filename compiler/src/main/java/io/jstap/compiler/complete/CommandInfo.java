package io.jstap.compiler.complete;

import java.util.List;

/**
 * A REPL {@code :command}: its name, help line, positional arguments and flags.
 *
 * @param name        the name without the colon ({@code dump})
 * @param description one help line
 * @param args        positional arguments in order; the last one repeats when {@code repeatLast}
 * @param repeatLast  whether the last positional argument may be given several times
 * @param flags       the flags the command accepts
 */
public record CommandInfo(String name, String description, List<ArgKind> args, boolean repeatLast,
                          List<Flag> flags) {

    public CommandInfo {
        name = name.startsWith(":") ? name.substring(1) : name;
        args = List.copyOf(args);
        flags = List.copyOf(flags);
    }

    public CommandInfo(String name, String description, List<ArgKind> args, List<Flag> flags) {
        this(name, description, args, false, flags);
    }

    /** The argument kind at positional index {@code i}, or null past the end. */
    public ArgKind arg(int i) {
        if (i < args.size()) {
            return args.get(i);
        }
        return repeatLast && !args.isEmpty() ? args.get(args.size() - 1) : null;
    }

    /**
     * A flag such as {@code --json} or {@code --top N}.
     *
     * @param name        with its dashes
     * @param value       a placeholder for the value it takes ({@code N}), or null for a switch
     * @param description one line
     */
    public record Flag(String name, String value, String description) {

        public boolean takesValue() {
            return value != null;
        }
    }
}
