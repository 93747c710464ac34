package io.jstap.runtime.session;

/**
 * A module could not be loaded or attached: maps refused, a program rejected by the verifier (a compiler
 * bug, reported with the probe it came from), a probe point this kernel cannot attach. The message is
 * meant for the user; {@link #verifierLog()} keeps the verifier's output when there is one.
 */
public final class ModuleLoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String verifierLog;

    public ModuleLoadException(String message, String verifierLog, Throwable cause) {
        super(message, cause);
        this.verifierLog = verifierLog == null ? "" : verifierLog;
    }

    public ModuleLoadException(String message, Throwable cause) {
        this(message, "", cause);
    }

    /** The verifier's log of a rejected program; empty otherwise. */
    public String verifierLog() {
        return verifierLog;
    }
}
