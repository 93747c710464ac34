package io.jstap.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * The one native entry point: glibc's {@code syscall()}, bound by JNA direct mapping (about twice as
 * fast as interface mapping). Every argument is a 64-bit integer; pointers go as their address. glibc's
 * syscall is written in assembly and reads its arguments from registers, so calling it with a fixed
 * arity is safe.
 */
final class LibC {

    static {
        Native.register(LibC.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private LibC() {
    }

    /** Returns the kernel's result, or -1 with errno left for {@link Native#getLastError()}. */
    static native long syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

    /** Runs a syscall and returns its result, or {@code -errno} on failure. */
    static long call(long nr, long a1, long a2, long a3, long a4, long a5, long a6) {
        long r = syscall(nr, a1, a2, a3, a4, a5, a6);
        return r == -1 ? -Native.getLastError() : r;
    }
}
