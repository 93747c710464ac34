package io.jstap.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * Base of tests that load programs into the running kernel. They fail (not skip) without BPF. After each
 * test the process must hold no bpf or perf fd: the scope must have released everything.
 */
@Tag("kernel")
abstract class KernelTest {

    protected KernelResources kr;

    @BeforeEach
    void openScope() {
        assertEquals(List.of(), BpfFdLeaks.openKernelFds(), "kernel fds open before the test");
        kr = new KernelResources();
    }

    @AfterEach
    void closeScopeAndCheckLeaks() {
        kr.close();
        assertEquals(List.of(), kr.owned());
        assertEquals(List.of(), BpfFdLeaks.openKernelFds(), "kernel fds left open after the test");
    }

    static int tgid() {
        return (int) ProcessHandle.current().pid();
    }
}
