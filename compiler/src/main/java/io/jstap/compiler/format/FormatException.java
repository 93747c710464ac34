package io.jstap.compiler.format;

/**
 * A format string that stap's parser rejects. The message is stap's wording (without the
 * "parse error: " prefix, which the diagnostic renderer adds); the offset points into the
 * format string so the compiler can place a caret on the offending character.
 */
public final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offsetInFormat;

    public FormatException(String message, int offsetInFormat) {
        super(message);
        this.offsetInFormat = offsetInFormat;
    }

    /** Index into the format string (in chars) of the character the error is about. */
    public int offsetInFormat() {
        return offsetInFormat;
    }
}
