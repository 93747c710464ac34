package io.jstap.runtime.session;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The BPF, BTF and perf event fds a process holds, from its /proc/PID/fd links. */
public final class KernelFds {

    private KernelFds() {
    }

    public static List<String> of(String pid) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", pid, "fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed while listing (the listing's own fd)
                }
                if (target.startsWith("anon_inode:bpf") || target.equals("anon_inode:[perf_event]")
                        || target.equals("anon_inode:btf")) {
                    out.add(fd.getFileName() + " -> " + target);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/" + pid + "/fd", e);
        }
        return out;
    }

    public static List<String> ofSelf() {
        return of("self");
    }
}
