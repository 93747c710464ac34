package io.jstap.compiler.probe;

/** Attachment kinds a kernel may or may not offer. */
public enum KernelFeature {
    TRACEPOINT("tracepoints (perf_event_open PERF_TYPE_TRACEPOINT)"),
    RAW_TRACEPOINT("raw tracepoints (BPF_RAW_TRACEPOINT_OPEN)"),
    UPROBE("uprobes (the 'uprobe' perf PMU)"),
    KPROBE("kprobes (the 'kprobe' perf PMU, CONFIG_KPROBE_EVENTS)"),
    PERF_SOFTWARE("perf software events"),
    PERF_HARDWARE("perf hardware events (a CPU PMU)"),
    RINGBUF("BPF ring buffers"),
    BTF("kernel BTF (/sys/kernel/btf/vmlinux)");

    private final String description;

    KernelFeature(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
