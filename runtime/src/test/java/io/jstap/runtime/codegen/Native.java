package io.jstap.runtime.codegen;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/** libc calls the code generation tests use: getppid as the trigger, clocks for the epoch offset. */
final class Native {

    static final int CLOCK_REALTIME = 0;
    static final int CLOCK_BOOTTIME = 7;

    static {
        com.sun.jna.Native.register(Native.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private Native() {
    }

    static native int getppid();

    static native int gettid();

    static native int clock_gettime(int clock, long[] timespec);

    /** pid 0: the calling thread; mask: one bit per CPU. */
    static native int sched_setaffinity(int pid, long size, long[] mask);

    static native int sched_getaffinity(int pid, long size, long[] mask);

    static long clockNanos(int clock) {
        long[] ts = new long[2];
        if (clock_gettime(clock, ts) != 0) {
            throw new IllegalStateException("clock_gettime(" + clock + ") failed");
        }
        return ts[0] * 1_000_000_000L + ts[1];
    }
}
