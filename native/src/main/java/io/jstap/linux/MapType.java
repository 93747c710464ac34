package io.jstap.linux;

/** Map types ({@code enum bpf_map_type}) the runtime creates. */
public enum MapType {
    HASH(1), ARRAY(2), PROG_ARRAY(3), PERF_EVENT_ARRAY(4), PERCPU_HASH(5), PERCPU_ARRAY(6),
    STACK_TRACE(7), LRU_HASH(9), LRU_PERCPU_HASH(10), QUEUE(22), STACK(23), RINGBUF(27), BLOOM_FILTER(30);

    private final int id;

    MapType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** True when user space sees one value slot per possible CPU. */
    public boolean perCpu() {
        return this == PERCPU_HASH || this == PERCPU_ARRAY || this == LRU_PERCPU_HASH;
    }

    public static MapType byId(int id) {
        for (MapType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown BPF map type " + id);
    }
}
