package io.jstap.runtime.live;

import io.jstap.compiler.ir.SrcLoc;

/**
 * A reload the kernel refused (a map it would not create, a program the verifier rejected, a point it
 * would not attach). By the time it is thrown everything the reload made has been closed again.
 */
final class ReloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SrcLoc loc;
    private final String verifierLog;

    ReloadException(String message, SrcLoc loc, String verifierLog, Throwable cause) {
        super(message, cause);
        this.loc = loc;
        this.verifierLog = verifierLog == null ? "" : verifierLog;
    }

    /** The probe the failure belongs to, or null. */
    SrcLoc loc() {
        return loc;
    }

    String verifierLog() {
        return verifierLog;
    }
}
