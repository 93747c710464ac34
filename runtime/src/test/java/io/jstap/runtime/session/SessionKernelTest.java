package io.jstap.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * Base of the runtime tests that load modules into the running kernel: they fail (not skip) without BPF,
 * and after each one the process must hold no bpf or perf fd.
 */
@Tag("kernel")
public abstract class SessionKernelTest {

    /** libc's getppid, the deterministic trigger of sys_enter_getppid. */
    public static final class Libc {
        static {
            Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        private Libc() {
        }

        public static native int getppid();
    }

    @BeforeEach
    void noKernelFdsBefore() {
        assertEquals(List.of(), KernelFds.ofSelf(), "kernel fds open before the test");
    }

    @AfterEach
    void noKernelFdsAfter() {
        assertEquals(List.of(), KernelFds.ofSelf(), "kernel fds left open after the test");
    }

    public static int tgid() {
        return (int) ProcessHandle.current().pid();
    }

    public static void getppid(int times) {
        for (int i = 0; i < times; i++) {
            Libc.getppid();
        }
    }
}
