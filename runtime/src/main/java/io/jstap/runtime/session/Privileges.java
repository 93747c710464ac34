package io.jstap.runtime.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether this process may load and attach probes: root, or the effective capabilities CAP_BPF and
 * CAP_PERFMON (CAP_SYS_ADMIN covers both on kernels older than 5.8). Checked before anything is compiled
 * for the kernel, since without them every probe point would look unsupported rather than forbidden.
 */
public final class Privileges {

    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_PERFMON = 38;
    private static final int CAP_BPF = 39;

    private Privileges() {
    }

    /** The message to show when this process lacks what running probes needs; empty when it has it. */
    public static Optional<String> missing() {
        long caps = effectiveCapabilities(Path.of("/proc/self/status"));
        if (caps < 0 || has(caps, CAP_SYS_ADMIN) || has(caps, CAP_BPF) && has(caps, CAP_PERFMON)) {
            return Optional.empty(); // unknown (no /proc): let the kernel decide
        }
        String lacking = has(caps, CAP_BPF) ? "CAP_PERFMON" : has(caps, CAP_PERFMON) ? "CAP_BPF"
                : "CAP_BPF and CAP_PERFMON";
        return Optional.of("running probes needs root, or the capabilities CAP_BPF and CAP_PERFMON; this process"
                + " (uid " + uid() + ") lacks " + lacking + ". Run jstap as root (sudo jstap ...) or grant them: "
                + "setcap cap_bpf,cap_perfmon+ep on the java binary");
    }

    private static boolean has(long caps, int bit) {
        return (caps & (1L << bit)) != 0;
    }

    /** The CapEff mask, or -1 when it cannot be read. */
    static long effectiveCapabilities(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("CapEff:")) {
                    return Long.parseUnsignedLong(line.substring(7).strip(), 16);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return -1;
    }

    private static String uid() {
        try {
            return Files.getAttribute(Path.of("/proc/self"), "unix:uid").toString();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "?";
        }
    }
}
