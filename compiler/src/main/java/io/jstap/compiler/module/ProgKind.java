package io.jstap.compiler.module;

/** The BPF program type a kernel probe is compiled for; it decides what the context pointer holds. */
public enum ProgKind {
    /** ctx: the tracefs record. */
    TRACEPOINT,
    /** ctx: u64 args[] of the raw tracepoint. */
    RAW_TRACEPOINT,
    /** ctx: struct pt_regs (kprobes and uprobes). */
    KPROBE,
    /** ctx: struct bpf_perf_event_data. */
    PERF_EVENT
}
