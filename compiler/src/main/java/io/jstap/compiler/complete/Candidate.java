package io.jstap.compiler.complete;

import java.util.Objects;

/**
 * One completion candidate.
 *
 * @param value       text that replaces the buffer from {@link Completion#replaceFrom()} to the cursor
 * @param display     what a menu shows (often shorter than the value: a file name, a bare event name)
 * @param description a signature, a type or a short explanation; empty when there is none
 * @param kind        what the candidate names
 * @param complete    true when the value finishes the token, so the REPL may append a space
 */
public record Candidate(String value, String display, String description, Kind kind, boolean complete) {

    public Candidate {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(kind, "kind");
        display = display == null ? value : display;
        description = description == null ? "" : description;
    }
}
