package io.jstap.compiler.ir;

/**
 * Value types of the IR. LONG, STRING and STATS are the language's types; VOID and HISTOGRAM
 * only describe expressions: a call of a function that returns nothing, and an
 * {@code @hist_log}/{@code @hist_linear} value that can only be printed or indexed.
 */
public enum IrType {
    LONG("long"),
    STRING("string"),
    STATS("stats"),
    VOID("void"),
    HISTOGRAM("histogram");

    private final String text;

    IrType(String text) {
        this.text = text;
    }

    /** A value a variable, key or map value can hold (long or string). */
    public boolean scalar() {
        return this == LONG || this == STRING;
    }

    @Override
    public String toString() {
        return text;
    }
}
