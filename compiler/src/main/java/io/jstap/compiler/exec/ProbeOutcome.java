package io.jstap.compiler.exec;

/**
 * How one run of a probe handler (or a REPL evaluation) ended.
 *
 * @param status  OK, ERROR (a run-time error, stap's "ERROR: ..."), ABORTED ({@code abort()}:
 *                stop without end probes) or INTERRUPTED (the thread was interrupted)
 * @param message for ERROR, the text stap prints after {@code ERROR: }; otherwise null
 * @param value   for evaluations, the Long or String value (null for void); null for probes
 */
public record ProbeOutcome(Status status, String message, Object value) {

    public enum Status { OK, ERROR, ABORTED, INTERRUPTED }

    public static ProbeOutcome ok(Object value) {
        return new ProbeOutcome(Status.OK, null, value);
    }

    public static ProbeOutcome error(String message) {
        return new ProbeOutcome(Status.ERROR, message, null);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** The line stap prints on stderr for an error ({@code ERROR: ...}), or null. */
    public String errorLine() {
        return status == Status.ERROR ? "ERROR: " + message : null;
    }
}
