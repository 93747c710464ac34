package io.jstap.compiler.bpf;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** BPF helper functions by kernel id ({@code enum bpf_func_id}); names as in {@code bpf_<name>}. */
public enum Helper {
    MAP_LOOKUP_ELEM(1), MAP_UPDATE_ELEM(2), MAP_DELETE_ELEM(3), KTIME_GET_NS(5), TRACE_PRINTK(6),
    GET_PRANDOM_U32(7), GET_SMP_PROCESSOR_ID(8), TAIL_CALL(12), GET_CURRENT_PID_TGID(14),
    GET_CURRENT_UID_GID(15), GET_CURRENT_COMM(16), PERF_EVENT_OUTPUT(25), GET_STACKID(27),
    GET_CURRENT_TASK(35), GET_STACK(67), GET_CURRENT_CGROUP_ID(80), SEND_SIGNAL(109), PROBE_READ_USER(112),
    PROBE_READ_KERNEL(113), PROBE_READ_USER_STR(114), PROBE_READ_KERNEL_STR(115), SEND_SIGNAL_THREAD(117),
    JIFFIES64(118), KTIME_GET_BOOT_NS(125), RINGBUF_OUTPUT(130), RINGBUF_RESERVE(131), RINGBUF_SUBMIT(132),
    RINGBUF_DISCARD(133), RINGBUF_QUERY(134), GET_CURRENT_TASK_BTF(158), FOR_EACH_MAP_ELEM(164),
    SNPRINTF(165), GET_FUNC_IP(173), GET_ATTACH_COOKIE(174), LOOP(181), STRNCMP(182),
    MAP_LOOKUP_PERCPU_ELEM(195), KTIME_GET_TAI_NS(208);

    private static final Map<String, Helper> BY_NAME = new HashMap<>();
    private static final Map<Integer, Helper> BY_ID = new HashMap<>();

    static {
        for (Helper h : values()) {
            BY_NAME.put(h.kernelName(), h);
            BY_ID.put(h.id, h);
        }
    }

    private final int id;

    Helper(int id) {
        this.id = id;
    }

    /** The helper's number, the imm of its call instruction. */
    public int id() {
        return id;
    }

    /** The kernel's name without the {@code bpf_} prefix, e.g. {@code map_lookup_elem}. */
    public String kernelName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Looks a helper up by {@code map_lookup_elem} or {@code bpf_map_lookup_elem}. */
    public static Optional<Helper> byName(String name) {
        String n = name.startsWith("bpf_") ? name.substring(4) : name;
        return Optional.ofNullable(BY_NAME.get(n));
    }

    public static Optional<Helper> byId(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
