package io.jstap.compiler.lower;

import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.ProgKind;
import io.jstap.compiler.module.UserProbe;
import io.jstap.compiler.sema.ProbeTarget;

/**
 * Where each kind of resolved target runs: a userspace trigger in the JVM, or a kernel program type and
 * attachment.
 */
final class ProbePlacement {
    /** perf cpu-clock frequency standing in for timer.profile's scheduler tick (HZ is not exported). */
    static final long PROFILE_HZ = 100;
    private static final int PERF_TYPE_SOFTWARE = 1;
    private static final int PERF_COUNT_SW_CPU_CLOCK = 0;

    private ProbePlacement() {
    }

    /** The userspace trigger of a target, or null when it runs in the kernel. */
    static UserProbe.Trigger userTrigger(ProbeTarget t) {
        if (t instanceof ProbeTarget.Begin b) {
            return new UserProbe.Trigger.Begin(b.seq());
        }
        if (t instanceof ProbeTarget.End e) {
            return new UserProbe.Trigger.End(e.seq());
        }
        if (t instanceof ProbeTarget.Error e) {
            return new UserProbe.Trigger.Error(e.seq());
        }
        if (t instanceof ProbeTarget.Never) {
            return new UserProbe.Trigger.Never();
        }
        if (t instanceof ProbeTarget.Timer tm) {
            return new UserProbe.Trigger.Timer(tm.periodNs(), tm.randomizeNs());
        }
        return null;
    }

    static ProgKind kind(ProbeTarget t) {
        if (t instanceof ProbeTarget.Tracepoint) {
            return ProgKind.TRACEPOINT;
        }
        if (t instanceof ProbeTarget.Uprobe || t instanceof ProbeTarget.Kprobe || t instanceof ProbeTarget.Usdt) {
            return ProgKind.KPROBE;
        }
        if (t instanceof ProbeTarget.Profile || t instanceof ProbeTarget.PerfEvent) {
            return ProgKind.PERF_EVENT;
        }
        return null;
    }

    static Attach attach(ProbeTarget t) {
        if (t instanceof ProbeTarget.Tracepoint tp) {
            return new Attach.Tracepoint(tp.category(), tp.event());
        }
        if (t instanceof ProbeTarget.Uprobe u) {
            return new Attach.Uprobe(u.path(), u.symbol(), -1, u.ret(), 0);
        }
        if (t instanceof ProbeTarget.Usdt u) {
            if (u.site().pcOffset() < 0) {
                return null;
            }
            return new Attach.Uprobe(u.path(), null, u.site().pcOffset(), false, 0, u.site().semaphoreOffset());
        }
        if (t instanceof ProbeTarget.Kprobe k) {
            return new Attach.Kprobe(k.function(), k.ret());
        }
        if (t instanceof ProbeTarget.Profile) {
            return new Attach.PerfEvent(PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CPU_CLOCK, PROFILE_HZ, true, -1);
        }
        if (t instanceof ProbeTarget.PerfEvent p) {
            return new Attach.PerfEvent(p.type(), p.config(), p.period(), false, -1);
        }
        return null;
    }
}
