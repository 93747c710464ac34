package io.jstap.compiler.exec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The JVM's own process context, read from {@code /proc/self} and {@code /proc/thread-self}
 * (plain file reads: the compiler module makes no system calls of its own). A value /proc does
 * not provide reads as -1, which is also what stap returns when a context value is unavailable.
 */
public final class JvmHostContext implements HostContext {

    private final long target;

    public JvmHostContext(long target) {
        this.target = target;
    }

    public JvmHostContext() {
        this(0);
    }

    @Override
    public long pid() {
        return ProcessHandle.current().pid();
    }

    @Override
    public long tid() {
        try {
            // /proc/thread-self -> "<pid>/task/<tid>"
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Long.parseLong(link.getFileName().toString());
        } catch (IOException | UnsupportedOperationException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public long ppid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
    }

    @Override
    public long uid() {
        return statusId("Uid:", 0);
    }

    @Override
    public long euid() {
        return statusId("Uid:", 1);
    }

    @Override
    public long gid() {
        return statusId("Gid:", 0);
    }

    @Override
    public long egid() {
        return statusId("Gid:", 1);
    }

    @Override
    public String execname() {
        try {
            return Files.readString(Path.of("/proc/self/comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "java";
        }
    }

    @Override
    public long cpu() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"), StandardCharsets.UTF_8);
            // fields after the parenthesised comm; "processor" is field 39 of the whole line
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[39 - 3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public long target() {
        return target;
    }

    @Override
    public long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public long monotonicNanos() {
        // Linux's JVM reads CLOCK_MONOTONIC here, the clock of the kernel's ktime_get_ns
        return System.nanoTime();
    }

    /** Field {@code index} (real, effective, ...) of a Uid:/Gid: line of /proc/self/status. */
    private static long statusId(String key, int index) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[index]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
