package io.jstap.runtime.kernel;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/** libc calls the tests use as deterministic triggers. */
final class Syscalls {

    static {
        Native.register(Syscalls.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private Syscalls() {
    }

    static native int getppid();

    static native int getpid();

    static native int kill(int pid, int sig);
}
