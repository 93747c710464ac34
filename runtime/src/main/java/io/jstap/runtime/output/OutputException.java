package io.jstap.runtime.output;

/** The output destination cannot be opened or written; the message says which and why. */
public final class OutputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
