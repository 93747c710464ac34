package io.jstap.runtime.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.TracepointFormat;
import io.jstap.linux.Pmu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The catalog of this machine. Needs root (tracefs, BPF); fails without. */
@Tag("kernel")
class MachineCatalogKernelTest {

    private final MachineProbeCatalog catalog = new MachineProbeCatalog();

    @Test
    void tracepointsAndSyscalls() {
        List<String> tps = catalog.tracepoints();
        assertTrue(tps.size() > 100, "only " + tps.size() + " tracepoints");
        List<String> sorted = new ArrayList<>(tps);
        sorted.sort(null);
        assertEquals(sorted, tps);
        assertTrue(tps.contains("syscalls:sys_enter_getppid"));
        assertTrue(catalog.syscalls().containsAll(List.of("getppid", "openat", "read", "write")));
        TracepointFormat openat = catalog.tracepoint("syscalls", "sys_enter_openat").orElseThrow();
        assertEquals(new TracepointFormat.Field("const char *", "filename", 24, 8, false),
                openat.field("filename").orElseThrow());
        assertEquals(new TracepointFormat.Field("char[16]", "prev_comm", 8, 16, false),
                catalog.tracepoint("sched", "sched_switch").orElseThrow().field("prev_comm").orElseThrow());
    }

    @Test
    void featuresOfThisKernel() throws Exception {
        Set<KernelFeature> f = catalog.features();
        assertTrue(f.containsAll(Set.of(KernelFeature.TRACEPOINT, KernelFeature.RAW_TRACEPOINT,
                KernelFeature.PERF_SOFTWARE, KernelFeature.RINGBUF)), f.toString());
        assertEquals(Pmu.type("uprobe").isPresent(), f.contains(KernelFeature.UPROBE));
        assertEquals(Pmu.type("kprobe").isPresent(), f.contains(KernelFeature.KPROBE));
        assertEquals(Files.exists(Path.of("/sys/kernel/btf/vmlinux")), f.contains(KernelFeature.BTF));
        assertEquals(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip(), catalog.kernelRelease());
    }

    @Test
    void libcSymbolsThroughTheResolver() {
        String libc = catalog.resolveBinary("libc.so.6").orElseThrow();
        assertTrue(libc.endsWith("/libc.so.6"), libc);
        List<String> syms = catalog.functionSymbols(libc);
        assertTrue(syms.containsAll(List.of("getpid", "malloc", "printf")), "libc symbols: " + syms.size());
        assertTrue(catalog.resolveBinary("sh").orElseThrow().endsWith("/sh"));
        assertEquals(List.of(), catalog.functionSymbols("/proc/self/status"));
    }

    @Test
    void featureReportText() {
        String r = catalog.probeFeaturesReport();
        assertTrue(r.startsWith("kernel " + catalog.kernelRelease() + " (x86_64), CPUs online "), r);
        assertTrue(r.contains("\n  yes  tracepoints (perf_event_open PERF_TYPE_TRACEPOINT)\n"), r);
        assertTrue(r.contains("\n  yes  RINGBUF\n"), r);
        assertTrue(r.contains(Pmu.type("kprobe").isPresent() ? "\n  yes  kprobes" : "\n  no   kprobes"), r);
        assertTrue(r.matches("(?s).*\n  get_func_ip +- +yes +- +- *\n.*"), r);
        assertTrue(r.matches("(?s).*\n  map_lookup_elem +yes +yes +yes +yes\n.*"), r);
    }
}
