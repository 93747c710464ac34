package io.jstap.linux;

/** Program types ({@code enum bpf_prog_type}); KPROBE is also the type of uprobe programs. */
public enum ProgType {
    SOCKET_FILTER(1), KPROBE(2), TRACEPOINT(5), PERF_EVENT(7), RAW_TRACEPOINT(17), TRACING(26);

    private final int id;

    ProgType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static ProgType byId(int id) {
        for (ProgType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown BPF program type " + id);
    }
}
