package io.jstap.compiler.complete;

/** What a positional argument of a REPL command names, so it can be completed. */
public enum ArgKind {
    /** A global variable. */
    GLOBAL,
    /** A snippet id or name. */
    SNIPPET,
    /** A file path. */
    FILE,
    /** An option name (for {@code :set}). */
    OPTION,
    /** A value of the option named by the previous argument. */
    OPTION_VALUE,
    /** A command name (for {@code :help}). */
    COMMAND,
    /** A script expression: completed with globals and functions. */
    EXPRESSION,
    /** Free text: nothing to complete. */
    TEXT
}
