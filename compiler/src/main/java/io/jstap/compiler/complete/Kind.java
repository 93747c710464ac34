package io.jstap.compiler.complete;

/** What a completion candidate names; the REPL may colour or group by it. */
public enum Kind {
    /** A dotted probe point component ({@code begin}, {@code syscall.}, {@code return}). */
    PROBE_COMPONENT,
    /** A tracepoint name {@code category:event}. */
    TRACEPOINT,
    /** A file or directory, or a command found on {@code $PATH}. */
    PATH,
    /** An ELF function symbol or USDT probe name of a binary. */
    SYMBOL,
    /** A {@code $name} context variable of the enclosing probe. */
    CONTEXT_VAR,
    /** A builtin, tapset or session function. */
    FUNCTION,
    /** A global variable. */
    GLOBAL,
    /** A local variable seen earlier in the same probe or function body. */
    LOCAL,
    /** A language keyword or {@code @} operator. */
    KEYWORD,
    /** A REPL {@code :command}. */
    COMMAND,
    /** A REPL command argument: a flag, a snippet, an option value. */
    COMMAND_ARG,
    /** A REPL option name for {@code :set}. */
    OPTION
}
