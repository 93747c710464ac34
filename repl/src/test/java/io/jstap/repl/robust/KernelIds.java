package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jstap.linux.Bpf;
import io.jstap.linux.BpfException;
import io.jstap.linux.Errno;
import io.jstap.linux.LinuxSys;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The ids of the BPF programs, maps and links a process holds, read from /proc/PID/fdinfo (the kernel
 * writes {@code prog_id:}, {@code map_id:} and {@code link_id:} there), and the check that none of them
 * exists any more once the process is gone.
 */
record KernelIds(List<Integer> progs, List<Integer> maps, List<Integer> links) {

    static KernelIds of(long pid) {
        List<Integer> progs = new ArrayList<>();
        List<Integer> maps = new ArrayList<>();
        List<Integer> links = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fdinfo"))) {
            for (Path fd : fds) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(fd);
                } catch (IOException e) {
                    continue; // closed while we looked
                }
                for (String l : lines) {
                    add(l, "prog_id:", progs);
                    add(l, "map_id:", maps);
                    add(l, "link_id:", links);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/fdinfo", e);
        }
        // an fd of a link also names its program: count each object once
        return new KernelIds(progs.stream().distinct().sorted().toList(), maps.stream().distinct().sorted().toList(),
                links.stream().distinct().sorted().toList());
    }

    private static void add(String line, String key, List<Integer> to) {
        if (line.startsWith(key)) {
            to.add(Integer.parseInt(line.substring(key.length()).strip()));
        }
    }

    boolean isEmpty() {
        return progs.isEmpty() && maps.isEmpty() && links.isEmpty();
    }

    /** Fails unless every id is gone (the kernel frees after an RCU grace period: a few seconds are allowed). */
    void assertAllGone() throws InterruptedException {
        Bpf bpf = Bpf.linux();
        for (int id : links) {
            assertGone(bpf::linkFdById, id, "link");
        }
        for (int id : progs) {
            assertGone(bpf::progFdById, id, "program");
        }
        for (int id : maps) {
            assertGone(bpf::mapFdById, id, "map");
        }
    }

    private static void assertGone(IntUnaryOperator fdById, int id, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                LinuxSys.get().close(fdById.applyAsInt(id));
            } catch (BpfException e) {
                assertEquals(Errno.ENOENT, e.errno(), e.getMessage());
                return;
            }
            if (System.nanoTime() > deadline) {
                fail(what + " id " + id + " still exists after jstap ended");
            }
            Thread.sleep(20);
        }
    }
}
