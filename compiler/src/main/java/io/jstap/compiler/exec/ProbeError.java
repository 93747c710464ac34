package io.jstap.compiler.exec;

/**
 * A run-time error raised while executing a probe: stap's {@code c->last_error} plus the token it
 * happened near. {@link #getMessage()} is the bare message ("division by 0"), which is what a
 * {@code catch (msg)} variable receives; {@link #fullMessage()} is what stap prints after
 * {@code ERROR: }. MAXACTION errors are not catchable, as in stap.
 */
public final class ProbeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String near;
    private final boolean catchable;

    public ProbeError(String message, String near, boolean catchable) {
        super(message, null, false, false);
        this.near = near;
        this.catchable = catchable;
    }

    public ProbeError(String message, String near) {
        this(message, near, true);
    }

    /** The token description, e.g. {@code operator '/' at t.stp:3:9}; null when unknown. */
    public String near() {
        return near;
    }

    public boolean catchable() {
        return catchable;
    }

    /** {@code division by 0 near operator '/' at t.stp:3:9}. */
    public String fullMessage() {
        return near == null ? getMessage() : getMessage() + " near " + near;
    }
}
