package io.jstap.compiler.sema;

/**
 * The types of the stap language after inference. {@code HIST} is the value of {@code @hist_log}/{@code
 * @hist_linear}, which may only be printed or indexed; {@code VOID} is the result of a function that returns
 * nothing; {@code UNKNOWN} is what inference has not (yet) decided.
 */
public enum Type {
    LONG("long"), STRING("string"), STATS("stats"), HIST("hist"), VOID("void"), UNKNOWN("unknown");

    private final String text;

    Type(String text) {
        this.text = text;
    }

    public boolean known() {
        return this != UNKNOWN;
    }

    /** The spelling stap uses in messages and -p2 output. */
    @Override
    public String toString() {
        return text;
    }
}
