package io.jstap.compiler.exec;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmHostContextTest {

    private final JvmHostContext host = new JvmHostContext(123);

    @Test
    void describesThisProcess() throws Exception {
        assertEquals(ProcessHandle.current().pid(), host.pid());
        assertEquals(123, host.target());
        String comm = Files.readString(Path.of("/proc/self/comm")).strip();
        assertEquals(comm, host.execname());
        assertTrue(host.tid() > 0, "tid " + host.tid());
        assertTrue(host.cpu() >= 0 && host.cpu() < Runtime.getRuntime().availableProcessors() * 64L, "cpu " + host.cpu());
        assertTrue(host.uid() >= 0 && host.gid() >= 0);
    }

    @Test
    void threadsHaveTheirOwnIds() throws Exception {
        long[] other = new long[1];
        Thread t = new Thread(() -> other[0] = host.tid());
        t.start();
        t.join();
        assertTrue(other[0] > 0 && other[0] != host.tid(), other[0] + " vs " + host.tid());
    }

    @Test
    void clocksAdvance() throws Exception {
        long wall = host.epochNanos();
        long mono = host.monotonicNanos();
        Thread.sleep(5);
        assertTrue(host.epochNanos() - wall >= 4_000_000L);
        assertTrue(host.monotonicNanos() - mono >= 4_000_000L);
        assertTrue(wall > 1_600_000_000_000_000_000L);
    }
}
