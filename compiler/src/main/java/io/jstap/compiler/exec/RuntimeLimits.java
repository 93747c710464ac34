package io.jstap.compiler.exec;

/**
 * The safety limits stap compiles into a module, settable with {@code -D NAME=VALUE}.
 *
 * <p>Defaults are stap's: MAXMAPENTRIES 2048 and MAXACTION 1000 as in its runtime headers
 * ({@code runtime_defines.h}); begin, end and error probes, which run with interrupts enabled,
 * get MAXACTION_INTERRUPTIBLE = 10 x MAXACTION ({@link #maxActionInterruptible()}).
 * MAXSTRINGLEN is 128, the value stap(1) documents; stap's 64-bit runtime header uses 512, but a
 * BPF hash map key may not exceed 512 bytes, so 128 keeps multi-string keys possible in kernel
 * maps (raise it with {@code -D MAXSTRINGLEN=N} when keys allow). Strings hold at most
 * MAXSTRINGLEN-1 bytes. MAXNESTING 0 means stap's default, derived from the script by
 * {@link io.jstap.compiler.ir.NestingAnalysis}.
 */
public record RuntimeLimits(int maxStringLen, int maxMapEntries, long maxAction, int maxNesting) {

    public static final int DEFAULT_MAXSTRINGLEN = 128;
    public static final int DEFAULT_MAXMAPENTRIES = 2048;
    public static final long DEFAULT_MAXACTION = 1000;
    /** stap's MAXACTION_INTERRUPTIBLE factor. */
    public static final int INTERRUPTIBLE_FACTOR = 10;

    public static final RuntimeLimits DEFAULTS =
            new RuntimeLimits(DEFAULT_MAXSTRINGLEN, DEFAULT_MAXMAPENTRIES, DEFAULT_MAXACTION, 0);

    public RuntimeLimits {
        if (maxStringLen < 2) {
            throw new IllegalArgumentException("MAXSTRINGLEN must be at least 2, got " + maxStringLen);
        }
        if (maxMapEntries < 1) {
            throw new IllegalArgumentException("MAXMAPENTRIES must be positive, got " + maxMapEntries);
        }
        if (maxAction < 1) {
            throw new IllegalArgumentException("MAXACTION must be positive, got " + maxAction);
        }
        if (maxNesting < 0) {
            throw new IllegalArgumentException("MAXNESTING must not be negative, got " + maxNesting);
        }
    }

    public RuntimeLimits(int maxStringLen, int maxMapEntries, long maxAction) {
        this(maxStringLen, maxMapEntries, maxAction, 0);
    }

    /** Statement budget of probes that run with interrupts enabled (begin, end, error). */
    public long maxActionInterruptible() {
        return maxAction * INTERRUPTIBLE_FACTOR;
    }

    /** Longest string content in bytes (one byte of MAXSTRINGLEN is C's terminating NUL). */
    public int maxStringBytes() {
        return maxStringLen - 1;
    }

    public RuntimeLimits withMaxStringLen(int n) {
        return new RuntimeLimits(n, maxMapEntries, maxAction, maxNesting);
    }

    public RuntimeLimits withMaxMapEntries(int n) {
        return new RuntimeLimits(maxStringLen, n, maxAction, maxNesting);
    }

    public RuntimeLimits withMaxAction(long n) {
        return new RuntimeLimits(maxStringLen, maxMapEntries, n, maxNesting);
    }

    public RuntimeLimits withMaxNesting(int n) {
        return new RuntimeLimits(maxStringLen, maxMapEntries, maxAction, n);
    }
}
