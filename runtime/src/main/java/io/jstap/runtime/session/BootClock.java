package io.jstap.runtime.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The offset from the kernel's CLOCK_BOOTTIME ({@code ktime_get_boot_ns} in BPF) to the time of day, which
 * kernel probes add to get {@code gettimeofday_ns()}. BOOTTIME is CLOCK_MONOTONIC (the JVM's
 * {@link System#nanoTime}) plus the time spent suspended; /proc/uptime reads BOOTTIME to 10 ms, enough to
 * see a suspension, so the offset keeps nanoTime's precision on machines that never slept.
 */
final class BootClock {

    private static final long SUSPEND_THRESHOLD_NS = 50_000_000L;

    private BootClock() {
    }

    /** Nanoseconds since the epoch minus nanoseconds of CLOCK_BOOTTIME, now. */
    static long bootToEpochNanos() {
        long mono = System.nanoTime();
        Instant now = Instant.now();
        long epoch = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        long suspended = uptimeNanos() - mono;
        long boot = mono + (suspended > SUSPEND_THRESHOLD_NS ? suspended : 0);
        return epoch - boot;
    }

    /** CLOCK_BOOTTIME from /proc/uptime (10 ms resolution), or 0 when unreadable. */
    private static long uptimeNanos() {
        try {
            String first = Files.readString(Path.of("/proc/uptime")).strip().split("\\s+")[0];
            return (long) (Double.parseDouble(first) * 1e9);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
