package io.jstap.runtime.live;

import io.jstap.linux.Bpf;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/** The BPF programs this process holds (by kernel id, from /proc/self/fdinfo) and the ones the kernel has. */
final class KernelObjects {

    private KernelObjects() {
    }

    /** prog_id of every bpf-prog fd of this process, by fd. */
    static TreeMap<Integer, Integer> programFds() {
        TreeMap<Integer, Integer> out = new TreeMap<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;
                }
                if (!target.equals("anon_inode:bpf-prog")) {
                    continue;
                }
                int n = Integer.parseInt(fd.getFileName().toString());
                for (String line : Files.readAllLines(Path.of("/proc/self/fdinfo", Integer.toString(n)))) {
                    if (line.startsWith("prog_id:")) {
                        out.put(n, Integer.parseInt(line.substring(8).trim()));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        return out;
    }

    /** Every program id loaded in the kernel now. */
    static TreeSet<Integer> kernelProgramIds() {
        Bpf bpf = Bpf.linux();
        TreeSet<Integer> ids = new TreeSet<>();
        int id = 0;
        for (OptionalInt next = bpf.nextProgId(id); next.isPresent(); next = bpf.nextProgId(id)) {
            id = next.getAsInt();
            ids.add(id);
        }
        return ids;
    }

    /**
     * Which of {@code ids} the kernel still has, waiting up to 5 s: a program is freed after an RCU grace
     * period once its last fd is closed, not at once.
     */
    static java.util.Set<Integer> stillLoaded(java.util.Set<Integer> ids) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            java.util.Set<Integer> left = new java.util.HashSet<>(kernelProgramIds());
            left.retainAll(ids);
            if (left.isEmpty() || System.nanoTime() > deadline) {
                return left;
            }
            Thread.sleep(20);
        }
    }

    /** Number of perf event and BPF link fds this process holds. */
    static long attachmentFds() {
        long n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String t = Files.readSymbolicLink(fd).toString();
                    if (t.equals("anon_inode:[perf_event]") || t.equals("anon_inode:bpf_link")
                            || t.equals("anon_inode:bpf-link")) {
                        n++;
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        return n;
    }
}
