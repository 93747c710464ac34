package io.jstap.compiler.parse;

/** The stable diagnostic codes of the front end (tests and tools match on these, not on wording). */
public final class ParseCodes {
    private ParseCodes() {
    }

    /** The tokens do not fit the grammar ("expected ')'"). */
    public static final String SYNTAX = "parse.syntax";
    /** A character or unclosed string/comment/embedded block the lexer could not make a token of. */
    public static final String JUNK = "parse.junk";
    /** Brackets, operators or statements nested deeper than the parser allows. */
    public static final String NESTING = "parse.nesting";
    /** More tokens than the front end accepts in one source. */
    public static final String TOO_LARGE = "parse.too-large";
    /** A number literal that is malformed or does not fit in 64 bits. */
    public static final String NUMBER = "parse.number";
    /** A script argument ($1, @2) beyond those given. */
    public static final String SCRIPT_ARG = "parse.script-arg";
    /** {@code %{ ... %}}: embedded C cannot run in eBPF. */
    public static final String EMBEDDED_C = "parse.embedded-c";
    /** Valid stap syntax that jstap does not support (named in the message). */
    public static final String UNSUPPORTED = "parse.unsupported";
    /** Syntax that parses but is misplaced: return outside a function, duplicate sort markers, ... */
    public static final String MISPLACED = "parse.misplaced";
    /** A {@code %( %)} conditional that is malformed or cannot be evaluated. */
    public static final String CONDITIONAL = "parse.conditional";
    /** A malformed {@code @define} or macro use. */
    public static final String MACRO = "parse.macro";
    /** A macro that redefines a built-in {@code @} operator (a warning). */
    public static final String MACRO_SHADOWS = "parse.macro-shadows";
    /** The front end failed on its own; the message names the exception. Always a bug. */
    public static final String INTERNAL = "parse.internal";
}
