package io.jstap.runtime.live;

import com.sun.jna.Memory;
import io.jstap.linux.Bpf;
import io.jstap.linux.ObjectInfo;
import io.jstap.runtime.kernel.LoadedProgram;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How often each program ran, for {@code :probes}. The kernel counts runs only while run-time statistics are
 * on: BPF_ENABLE_STATS turns them on for as long as the returned fd is open (nothing global is changed for
 * good), or {@code kernel.bpf_stats_enabled} is already 1.
 */
final class RunStats implements AutoCloseable {

    private static final int BPF_ENABLE_STATS = 32;
    private static final int BPF_STATS_RUN_TIME = 0;

    private final Bpf bpf;
    private final int fd;
    private final boolean enabled;

    RunStats(Bpf bpf) {
        this.bpf = bpf;
        Memory attr = new Memory(Bpf.ATTR_SIZE);
        attr.clear();
        attr.setInt(0, BPF_STATS_RUN_TIME);
        long r = bpf.sys().bpf(BPF_ENABLE_STATS, attr, (int) attr.size());
        this.fd = r >= 0 ? (int) r : -1;
        this.enabled = fd >= 0 || sysctlOn();
    }

    private static boolean sysctlOn() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/bpf_stats_enabled")).trim().equals("1");
        } catch (Exception e) {
            return false;
        }
    }

    /** True when run counts are being kept. */
    boolean enabled() {
        return enabled;
    }

    /** How often the program ran, or -1 when that is not known. */
    long runs(LoadedProgram p) {
        if (!enabled || p.isClosed()) {
            return -1;
        }
        try {
            ObjectInfo.Prog info = p.info();
            return info.runCount();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (fd >= 0) {
            bpf.close(fd);
        }
    }
}
