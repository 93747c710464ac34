package io.jstap.compiler.format;

/**
 * A run-time error that stap raises inside a probe (it prints {@code ERROR: <message>} and, like
 * any probe error, counts towards MAXERRORS). Both back ends raise the same message text.
 */
public class StapError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StapError(String message) {
        super(message);
    }
}
