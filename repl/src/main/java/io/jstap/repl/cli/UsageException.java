package io.jstap.repl.cli;

/** A command-line mistake: reported as {@code jstap: message} with exit code 1. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
