package io.jstap.runtime.live;

import java.util.Objects;

/**
 * One piece of REPL input, as JShell keeps it: immutable, numbered in the order it was entered. Its status
 * is kept by the {@link LiveSession}, not here, so a snippet can be shown and compared as a value.
 *
 * @param id     session-wide number, from 1
 * @param kind   what it declares or does
 * @param name   the name a later snippet of the same kind replaces it by (a global, function, macro or
 *               alias name); for probes the probe points as written, which never replace anything; empty for
 *               statements
 * @param source the text exactly as it is compiled and saved, ending with a newline
 */
public record Snippet(int id, Kind kind, String name, String source) {

    public Snippet {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
    }

    public enum Kind {
        GLOBAL("global"),
        PROBE("probe"),
        FUNCTION("function"),
        ALIAS("probe alias"),
        MACRO("macro"),
        /** Statements run once, now. */
        STATEMENT("statement"),
        /** An expression whose value is printed, now. */
        EXPRESSION("expression");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** True for snippets that become part of the running module. */
        public boolean declaration() {
            return this != STATEMENT && this != EXPRESSION;
        }

        /** Whether a later snippet of this kind with the same name replaces an earlier one. */
        public boolean replacedByName() {
            return this == GLOBAL || this == FUNCTION || this == ALIAS || this == MACRO;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Where a snippet stands in the session. */
    public enum Status {
        /** Part of the running module. */
        VALID,
        /** Replaced by a later snippet of the same name. */
        OVERWRITTEN,
        /** Removed with {@code :drop}, {@code :edit} or {@code :reset}. */
        DROPPED,
        /** Did not compile, load or attach; the session is as it was before. */
        REJECTED,
        /** A statement or expression that ran. */
        EXECUTED
    }

    /** The name diagnostics and {@code :list} use for the snippet's source: {@code #3}. */
    public String sourceName() {
        return "#" + id;
    }

    /** The first line of the source, cut to {@code max} characters, for one-line listings. */
    public String summary(int max) {
        String s = source.strip();
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl) + " ...";
        return first.length() <= max ? first : first.substring(0, Math.max(0, max - 3)) + "...";
    }
}
