package io.jstap.linux;

/**
 * The fields of {@code struct perf_event_attr} a BPF loader sets. For the uprobe and kprobe PMUs,
 * {@code probeTarget} (a file path or kernel function name) goes to config1 as a string address and
 * {@code probeOffset} to config2.
 */
public record PerfEventAttr(int type, long config, long periodOrFreq, long flags, String probeTarget,
        long probeOffset) {

    public static final int SIZE = 128;
    /** Fixed PMU types. Dynamic PMUs (uprobe, kprobe) publish theirs in sysfs. */
    public static final int TYPE_HARDWARE = 0, TYPE_SOFTWARE = 1, TYPE_TRACEPOINT = 2, TYPE_HW_CACHE = 3;
    /** Flag bits at offset 40. */
    public static final long DISABLED = 1L, INHERIT = 1L << 1, EXCLUDE_USER = 1L << 4,
            EXCLUDE_KERNEL = 1L << 5, EXCLUDE_HV = 1L << 6, FREQ = 1L << 10;

    /** A tracepoint by its tracefs id, opened disabled. */
    public static PerfEventAttr tracepoint(long id) {
        return new PerfEventAttr(TYPE_TRACEPOINT, id, 1, DISABLED, null, 0);
    }

    /** A uprobe or kprobe on a dynamic PMU; {@code retBit} is the PMU's retprobe config bit or -1. */
    public static PerfEventAttr probe(int pmuType, String target, long offset, int retBit) {
        long config = retBit >= 0 ? 1L << retBit : 0;
        return new PerfEventAttr(pmuType, config, 1, DISABLED, target, offset);
    }

    /** A software or hardware counter sampling every {@code period} events. */
    public static PerfEventAttr counterPeriod(int type, long config, long period) {
        return new PerfEventAttr(type, config, period, DISABLED, null, 0);
    }

    /** A software or hardware counter sampling {@code hz} times a second. */
    public static PerfEventAttr counterFreq(int type, long config, long hz) {
        return new PerfEventAttr(type, config, hz, DISABLED | FREQ, null, 0);
    }
}
