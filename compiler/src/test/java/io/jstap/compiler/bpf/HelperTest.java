package io.jstap.compiler.bpf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelperTest {

    @Test
    void idsMatchTheKernelHeader() {
        Map<String, Integer> expected = Map.ofEntries(
                Map.entry("map_lookup_elem", 1), Map.entry("map_update_elem", 2), Map.entry("map_delete_elem", 3),
                Map.entry("ktime_get_ns", 5), Map.entry("trace_printk", 6), Map.entry("get_prandom_u32", 7),
                Map.entry("get_smp_processor_id", 8), Map.entry("get_current_pid_tgid", 14),
                Map.entry("get_current_uid_gid", 15), Map.entry("get_current_comm", 16),
                Map.entry("perf_event_output", 25), Map.entry("get_stackid", 27), Map.entry("get_current_task", 35),
                Map.entry("get_stack", 67), Map.entry("send_signal", 109), Map.entry("probe_read_user", 112),
                Map.entry("probe_read_kernel", 113), Map.entry("probe_read_user_str", 114),
                Map.entry("probe_read_kernel_str", 115), Map.entry("jiffies64", 118),
                Map.entry("ktime_get_boot_ns", 125), Map.entry("ringbuf_output", 130),
                Map.entry("ringbuf_reserve", 131), Map.entry("ringbuf_submit", 132),
                Map.entry("ringbuf_discard", 133), Map.entry("ringbuf_query", 134),
                Map.entry("get_current_task_btf", 158), Map.entry("snprintf", 165), Map.entry("get_func_ip", 173),
                Map.entry("get_attach_cookie", 174), Map.entry("loop", 181), Map.entry("strncmp", 182),
                Map.entry("map_lookup_percpu_elem", 195));
        expected.forEach((name, id) -> {
            Helper h = Helper.byName(name).orElseThrow(() -> new AssertionError(name));
            assertEquals(id, h.id(), name);
            assertEquals(name, h.kernelName());
            assertEquals(Optional.of(h), Helper.byId(id));
        });
    }

    @Test
    void lookupAcceptsBpfPrefixAndRejectsUnknown() {
        assertEquals(Optional.of(Helper.KTIME_GET_NS), Helper.byName("bpf_ktime_get_ns"));
        assertTrue(Helper.byName("no_such_helper").isEmpty());
        assertTrue(Helper.byId(10_000).isEmpty());
    }
}
