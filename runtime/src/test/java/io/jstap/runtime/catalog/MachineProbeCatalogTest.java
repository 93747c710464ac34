package io.jstap.runtime.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.TracepointFormat;
import io.jstap.linux.NativeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog over a made-up tracefs tree; the machine's own is covered by the kernel test. */
class MachineProbeCatalogTest {

    @TempDir
    Path dir;

    private void event(String cat, String ev, String format) throws Exception {
        Path d = Files.createDirectories(dir.resolve("events").resolve(cat).resolve(ev));
        Files.writeString(d.resolve("format"), format);
        Files.writeString(d.resolve("id"), "1\n");
    }

    @Test
    void tracepointsSyscallsAndLazyFormats() throws Exception {
        event("syscalls", "sys_enter_openat", FormatParserTest.OPENAT);
        event("syscalls", "sys_exit_openat", "format:\n\tfield:long ret;\toffset:16;\tsize:8;\tsigned:1;\n");
        event("syscalls", "sys_enter_close", "format:\n");
        event("sched", "sched_switch", "format:\n");
        Files.writeString(dir.resolve("events").resolve("enable"), "0\n"); // files are not categories
        AtomicInteger probes = new AtomicInteger();
        Map<KernelFeature, String> found = new EnumMap<>(KernelFeature.class);
        found.put(KernelFeature.TRACEPOINT, null);
        found.put(KernelFeature.KPROBE, "no 'kprobe' perf PMU");
        MachineProbeCatalog c = new MachineProbeCatalog(() -> dir, BinaryResolver.system(), () -> {
            probes.incrementAndGet();
            return found;
        });
        assertEquals(List.of("sched:sched_switch", "syscalls:sys_enter_close", "syscalls:sys_enter_openat",
                "syscalls:sys_exit_openat"), c.tracepoints());
        assertEquals(List.of("close", "openat"), c.syscalls());
        TracepointFormat f = c.tracepoint("syscalls", "sys_enter_openat").orElseThrow();
        assertEquals(24, f.field("filename").orElseThrow().offset());
        assertEquals(Optional.empty(), c.tracepoint("syscalls", "sys_enter_nope"));
        assertEquals(Optional.empty(), c.tracepoint("..", "events"), "no path tricks");
        // Cached: deleting the file does not change the answer.
        Files.delete(dir.resolve("events/syscalls/sys_enter_openat/format"));
        assertEquals(f, c.tracepoint("syscalls", "sys_enter_openat").orElseThrow());
        assertEquals(Set.of(KernelFeature.TRACEPOINT), c.features());
        c.features();
        assertEquals(1, probes.get(), "features are probed once");
    }

    @Test
    void noTracefsMeansNoTracepointsAndAReason() {
        MachineProbeCatalog c = new MachineProbeCatalog(() -> {
            throw new NativeException("mount(tracefs)", 1, "tracefs is not mounted");
        }, BinaryResolver.system(), Map::of);
        assertEquals(List.of(), c.tracepoints());
        assertEquals(Optional.empty(), c.tracefs());
        assertEquals("unavailable: tracefs is not mounted (EPERM)", c.tracefsDescription());
        assertTrue(c.tracepoint("syscalls", "sys_enter_openat").isEmpty());
    }
}
