package io.jstap.compiler.complete;

/**
 * A token of the completion scanner, with its offsets in the buffer. {@code text} of a string token is its
 * decoded content (without quotes); {@code closed} is false for a string, block comment or embedded-C block
 * that runs to the end of the text.
 */
record Token(Type type, String text, int start, int end, boolean closed) {

    enum Type {
        IDENT, NUMBER, STRING,
        /** {@code $name}, {@code $$vars}, {@code $1}, or a lone {@code $}. */
        DOLLAR,
        /** {@code @count}, {@code @define}, {@code @1}, or a lone {@code @}. */
        AT,
        /** Operators and punctuation. */
        OP,
        /** Preprocessor conditional markers {@code %(}, {@code %?}, {@code %:}, {@code %)}. */
        COND,
        /** An embedded-C block {@code %{ ... %}}. */
        EMBEDDED
    }

    boolean is(String s) {
        return (type == Type.OP || type == Type.IDENT || type == Type.COND) && text.equals(s);
    }

    boolean isIdent() {
        return type == Type.IDENT;
    }
}
