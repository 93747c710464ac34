package io.jstap.runtime.codegen;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** This process's open BPF and perf event fds, from /proc/self/fd. */
final class FdLeaks {

    private FdLeaks() {
    }

    static List<String> openKernelFds() {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;
                }
                if (target.startsWith("anon_inode:bpf") || target.equals("anon_inode:[perf_event]")
                        || target.equals("anon_inode:btf")) {
                    out.add(fd.getFileName() + " -> " + target);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        return out;
    }
}
