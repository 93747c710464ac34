package io.jstap.runtime.kernel;

import io.jstap.linux.PerfEventAttr;

/**
 * A sampling perf event opened on every online CPU: a software or hardware counter that fires
 * every {@code periodOrFreq} events, or {@code periodOrFreq} times a second when {@code freq}.
 */
public record PerfEventSpec(int type, long config, long periodOrFreq, boolean freq, String description) {

    /** PERF_TYPE_SOFTWARE counters. */
    public enum Software {
        CPU_CLOCK(0), TASK_CLOCK(1), PAGE_FAULTS(2), CONTEXT_SWITCHES(3), CPU_MIGRATIONS(4), PAGE_FAULTS_MIN(5),
        PAGE_FAULTS_MAJ(6), ALIGNMENT_FAULTS(7), EMULATION_FAULTS(8), DUMMY(9), BPF_OUTPUT(10), CGROUP_SWITCHES(11);

        private final int config;

        Software(int config) {
            this.config = config;
        }

        public int config() {
            return config;
        }
    }

    /** PERF_TYPE_HARDWARE counters (only where a CPU PMU exists). */
    public enum Hardware {
        CPU_CYCLES(0), INSTRUCTIONS(1), CACHE_REFERENCES(2), CACHE_MISSES(3), BRANCH_INSTRUCTIONS(4),
        BRANCH_MISSES(5), BUS_CYCLES(6), STALLED_CYCLES_FRONTEND(7), STALLED_CYCLES_BACKEND(8), REF_CPU_CYCLES(9);

        private final int config;

        Hardware(int config) {
            this.config = config;
        }

        public int config() {
            return config;
        }
    }

    public PerfEventSpec {
        if (periodOrFreq <= 0) {
            throw new IllegalArgumentException(description + ": period or frequency must be positive");
        }
    }

    /** The profiling timer: cpu-clock sampled {@code hz} times a second on each CPU. */
    public static PerfEventSpec cpuClockHz(long hz) {
        return new PerfEventSpec(PerfEventAttr.TYPE_SOFTWARE, Software.CPU_CLOCK.config(), hz, true,
                "perf software cpu-clock at " + hz + " Hz");
    }

    /** cpu-clock every {@code nanos} nanoseconds of CPU time on each CPU. */
    public static PerfEventSpec cpuClockPeriod(long nanos) {
        return software(Software.CPU_CLOCK, nanos);
    }

    public static PerfEventSpec software(Software counter, long period) {
        return new PerfEventSpec(PerfEventAttr.TYPE_SOFTWARE, counter.config(), period, false,
                "perf software " + counter.name().toLowerCase(java.util.Locale.ROOT) + " every " + period);
    }

    public static PerfEventSpec hardware(Hardware counter, long period) {
        return new PerfEventSpec(PerfEventAttr.TYPE_HARDWARE, counter.config(), period, false,
                "perf hardware " + counter.name().toLowerCase(java.util.Locale.ROOT) + " every " + period);
    }

    PerfEventAttr attr() {
        return freq ? PerfEventAttr.counterFreq(type, config, periodOrFreq)
                : PerfEventAttr.counterPeriod(type, config, periodOrFreq);
    }

    boolean hardware() {
        return type == PerfEventAttr.TYPE_HARDWARE || type == PerfEventAttr.TYPE_HW_CACHE;
    }
}
