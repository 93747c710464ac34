package io.jstap.linux;

/**
 * A failed system call. Carries the errno number and name and a sentence meant for the user; the
 * message reads {@code "<sentence> (EPERM)"}.
 */
public class NativeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String operation;
    private final String sentence;

    public NativeException(String operation, int errno, String sentence) {
        super(sentence + " (" + Errno.name(errno) + ")");
        this.operation = operation;
        this.errno = errno;
        this.sentence = sentence;
    }

    /** The failure with the C library's description as its sentence. */
    public static NativeException of(String operation, int errno) {
        return new NativeException(operation, errno, operation + " failed: " + Errno.text(errno));
    }

    public int errno() {
        return errno;
    }

    /** The symbolic errno, e.g. {@code "EPERM"}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** The call that failed, e.g. {@code "perf_event_open"} or {@code "bpf(PROG_LOAD)"}. */
    public String operation() {
        return operation;
    }

    /** The explanation without the errno suffix. */
    public String sentence() {
        return sentence;
    }
}
