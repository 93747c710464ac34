package io.jstap.compiler.exec;

import io.jstap.compiler.format.StapError;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Context and clock functions that mean something outside the kernel. They describe the jstap
 * process (see {@link HostContext}); {@code pp()} is the running probe's point.
 */
final class ContextBuiltins {

    /** stap's randint limit (2^20). */
    static final long RANDMAX = 1024 * 1024;

    private ContextBuiltins() {
    }

    static void register(Builtins b) {
        b.add("pid", (x, site, args) -> x.interp.host().pid());
        b.add("tgid", (x, site, args) -> x.interp.host().pid());
        b.add("stp_pid", (x, site, args) -> x.interp.host().pid());
        b.add("tid", (x, site, args) -> x.interp.host().tid());
        b.add("ppid", (x, site, args) -> x.interp.host().ppid());
        b.add("uid", (x, site, args) -> x.interp.host().uid());
        b.add("euid", (x, site, args) -> x.interp.host().euid());
        b.add("gid", (x, site, args) -> x.interp.host().gid());
        b.add("egid", (x, site, args) -> x.interp.host().egid());
        b.add("execname", (x, site, args) -> x.interp.host().execname());
        b.add("cpu", (x, site, args) -> x.interp.host().cpu());
        b.add("target", (x, site, args) -> x.interp.host().target());
        b.add("pp", (x, site, args) -> x.probeName);
        // Userspace probes (begin, end, timers) are written as they resolve, and probe no function.
        b.add("pn", (x, site, args) -> x.probeName);
        b.add("ppfunc", (x, site, args) -> "");
        b.add("probefunc", (x, site, args) -> "");
        b.add("gettimeofday_ns", (x, site, args) -> x.interp.host().epochNanos());
        b.add("gettimeofday_us", (x, site, args) -> x.interp.host().epochNanos() / 1_000L);
        b.add("gettimeofday_ms", (x, site, args) -> x.interp.host().epochNanos() / 1_000_000L);
        b.add("gettimeofday_s", (x, site, args) -> x.interp.host().epochNanos() / 1_000_000_000L);
        b.add("local_clock_ns", (x, site, args) -> x.interp.host().monotonicNanos());
        b.add("local_clock_us", (x, site, args) -> x.interp.host().monotonicNanos() / 1_000L);
        b.add("local_clock_ms", (x, site, args) -> x.interp.host().monotonicNanos() / 1_000_000L);
        b.add("local_clock_s", (x, site, args) -> x.interp.host().monotonicNanos() / 1_000_000_000L);
        b.add("randint", (x, site, args) -> randint((Long) args.get(0)));
    }

    /** A random number in [0, n); n is compared unsigned, as stap does, so a negative n is too wide. */
    static long randint(long n) {
        if (Long.compareUnsigned(n, RANDMAX) > 0) {
            throw new StapError("range too wide");
        }
        return n == 0 ? 0 : ThreadLocalRandom.current().nextLong(n);
    }
}
