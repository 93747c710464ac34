package io.jstap.compiler.parse;

/** What a piece of REPL input is, so the REPL knows whether to read a continuation line. */
public enum InputKind {
    /** A global, probe, function or macro definition. */
    DECLARATION,
    /** Anything else: statements or an expression to run now. */
    STATEMENT,
    /** Something is still open at the end: a bracket, string, comment, conditional or a probe without body. */
    INCOMPLETE,
    /** Only blanks and comments. */
    EMPTY
}
