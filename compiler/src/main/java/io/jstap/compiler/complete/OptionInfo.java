package io.jstap.compiler.complete;

import java.util.List;

/**
 * A REPL option for {@code :set}.
 *
 * @param name        the option name
 * @param description one line
 * @param values      the values it accepts, when they form a closed list (empty otherwise)
 */
public record OptionInfo(String name, String description, List<String> values) {

    public OptionInfo {
        values = List.copyOf(values);
    }
}
