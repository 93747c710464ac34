package io.jstap.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jstap.linux.Bpf;
import io.jstap.linux.BpfException;
import io.jstap.linux.Errno;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A JVM that loaded programs and is killed by a signal leaves none of its kernel objects behind. */
class CleanupKernelTest extends KernelTest {

    @ParameterizedTest
    @CsvSource({"INT, handlers, 130", "INT, default, 130", "TERM, handlers, 143", "TERM, default, 143",
            "KILL, default, 137"})
    void killedChildLeavesNothing(String signal, String mode, int exitCode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CleanupChild.class.getName(), mode).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("ids "), "child said: " + line);
            String[] parts = line.split(" ");
            String[] progs = parts[1].substring("prog=".length()).split(",");
            int map = Integer.parseInt(parts[2].substring("map=".length()));
            int link = Integer.parseInt(parts[3].substring("link=".length()));
            Bpf bpf = kr.bpf();
            // While the child lives, its objects exist.
            bpf.close(bpf.mapFdById(map));
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(child.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(child.waitFor(20, TimeUnit.SECONDS), "child did not exit on SIG" + signal);
            assertEquals(exitCode, child.exitValue());
            for (String p : progs) {
                assertGone(bpf::progFdById, Integer.parseInt(p), "program");
            }
            assertGone(bpf::mapFdById, map, "map");
            assertGone(bpf::linkFdById, link, "link");
        } finally {
            child.destroyForcibly();
        }
    }

    /** The kernel frees objects after an RCU grace period, so allow a moment. */
    private static void assertGone(IntUnaryOperator fdById, int id, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (true) {
            try {
                int fd = fdById.applyAsInt(id);
                io.jstap.linux.LinuxSys.get().close(fd);
            } catch (BpfException e) {
                assertEquals(Errno.ENOENT, e.errno(), e.getMessage());
                return;
            }
            if (System.nanoTime() > deadline) {
                fail(what + " id " + id + " still exists after the child died");
            }
            Thread.sleep(20);
        }
    }

}
