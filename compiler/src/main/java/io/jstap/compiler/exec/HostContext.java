package io.jstap.compiler.exec;

/**
 * The process context that userspace probes report. stap runs begin and end probes in the
 * context of its own stapio process, so {@code pid()} there is stapio's pid and
 * {@code execname()} is "stapio"; jstap runs them in the JVM, so these functions describe the
 * jstap (JVM) process and the thread running the probe. See {@link JvmHostContext}.
 */
public interface HostContext {

    long pid();

    /** Linux thread id of the thread executing the probe. */
    long tid();

    long ppid();

    long uid();

    long euid();

    long gid();

    long egid();

    /** The process's command name (at most 15 bytes, as the kernel's comm). */
    String execname();

    /** CPU the probe runs on. */
    long cpu();

    /** {@code target()}: the pid given with -x, or of the -c command; 0 if none. */
    long target();

    /** Wall-clock time, nanoseconds since the epoch ({@code gettimeofday_ns}). */
    long epochNanos();

    /** Monotonic clock in nanoseconds, the kernel's CLOCK_MONOTONIC ({@code ktime_get_ns}). */
    long monotonicNanos();
}
