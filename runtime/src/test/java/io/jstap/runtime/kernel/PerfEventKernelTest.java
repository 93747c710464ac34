package io.jstap.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.probe.KernelFeature;
import io.jstap.linux.Cpus;
import io.jstap.linux.MapSpec;
import io.jstap.linux.MapType;
import io.jstap.linux.Pmu;
import io.jstap.linux.ProgType;
import io.jstap.linux.ProgramLoad;
import io.jstap.linux.Tracefs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerfEventKernelTest extends KernelTest {

    /** counts[smp_processor_id()]++. */
    private static io.jstap.compiler.bpf.Program perCpuCounter() {
        Assembler a = new Assembler();
        Label out = a.newLabel();
        a.call(Helper.GET_SMP_PROCESSOR_ID).stx(Size.W, Reg.R10, -4, Reg.R0).mov(Reg.R2, Reg.R10).add(Reg.R2, -4)
                .ldMapFd(Reg.R1, TestPrograms.COUNTS).call(Helper.MAP_LOOKUP_ELEM).jeq(Reg.R0, 0, out)
                .mov(Reg.R1, 1).atomicAdd(Size.DW, Reg.R0, 0, Reg.R1, false);
        TestPrograms.finish(a, out);
        return a.build();
    }

    private static long at(BpfMap m, int key) {
        return ByteBuffer.wrap(m.lookup(BpfMap.intKey(key)).orElseThrow()).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static void spinOnEveryCpu(long millis) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + millis * 1_000_000;
        for (int i = 0; i < Cpus.online().size(); i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (System.nanoTime() < end) {
                    x += System.identityHashCode(threads);
                }
                if (x == 42) {
                    System.out.print("");
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    @Test
    void cpuClockFiresOnEveryOnlineCpu() throws Exception {
        BpfMap counts = kr.createMap(MapSpec.of(MapType.ARRAY, "counts", 4, 8, 1024));
        LoadedProgram p = kr.load(TestPrograms.load(ProgType.PERF_EVENT, "percpu_clock", perCpuCounter(), counts));
        Attachment a = kr.attachPerfEvent(p, PerfEventSpec.cpuClockHz(1000));
        assertEquals(Cpus.online().size(), a.perfFds().size());
        spinOnEveryCpu(400);
        a.close();
        for (int cpu : Cpus.online()) {
            long n = at(counts, cpu);
            // 1000 Hz for 0.4 s: about 400 per CPU; allow for scheduling and start-up.
            assertTrue(n >= 50 && n <= 1000, "cpu " + cpu + " sampled " + n + " times");
        }
    }

    @Test
    void softwarePageFaultCounterSamples() throws Exception {
        BpfMap counts = kr.createMap(MapSpec.of(MapType.ARRAY, "counts", 4, 8, 1024));
        LoadedProgram p = kr.load(TestPrograms.load(ProgType.PERF_EVENT, "faults", perCpuCounter(), counts));
        Attachment a = kr.attachPerfEvent(p, PerfEventSpec.software(PerfEventSpec.Software.PAGE_FAULTS, 1));
        ByteBuffer touched = ByteBuffer.allocateDirect(32 << 20); // zeroing it faults in every page
        touched.put(0, (byte) 1);
        a.close();
        long total = 0;
        for (int cpu : Cpus.online()) {
            total += at(counts, cpu);
        }
        assertTrue(total >= (32 << 20) / 4096 / 2, "page faults sampled: " + total);
    }

    @Test
    void kprobesWorkOrSayPreciselyWhatIsMissing() {
        Assembler asm = new Assembler();
        asm.mov(Reg.R0, 0).exit();
        LoadedProgram p = kr.load(new ProgramLoad(ProgType.KPROBE, "kp", asm.build().bytes(), "GPL"));
        if (Pmu.type("kprobe").isPresent()) {
            Attachment a = kr.attachKprobe(p, "do_sys_openat2", false);
            assertEquals(1, a.perfFds().size());
            return;
        }
        MissingFeatureException e = assertThrows(MissingFeatureException.class,
                () -> kr.attachKprobe(p, "do_sys_openat2", false));
        assertEquals(KernelFeature.KPROBE, e.feature());
        boolean legacy = Files.exists(Tracefs.locate().orElseThrow().resolve("kprobe_events"));
        assertEquals("kernel.function probes need kprobes: this kernel has no 'kprobe' perf PMU "
                + "(/sys/bus/event_source/devices/kprobe)" + (legacy ? "" : " — CONFIG_KPROBE_EVENTS is off"),
                e.getMessage());
    }

    @Test
    void hardwareEventsAttachOrSayThereIsNoCpuPmu() {
        Assembler asm = new Assembler();
        asm.mov(Reg.R0, 0).exit();
        LoadedProgram p = kr.load(new ProgramLoad(ProgType.PERF_EVENT, "hw", asm.build().bytes(), "GPL"));
        PerfEventSpec cycles = PerfEventSpec.hardware(PerfEventSpec.Hardware.CPU_CYCLES, 1_000_000);
        if (Pmu.hasHardwareCounters()) {
            assertEquals(Cpus.online().size(), kr.attachPerfEvent(p, cycles).perfFds().size());
            return;
        }
        MissingFeatureException e = assertThrows(MissingFeatureException.class, () -> kr.attachPerfEvent(p, cycles));
        assertEquals(KernelFeature.PERF_HARDWARE, e.feature());
        assertTrue(e.getMessage().startsWith("perf hardware cpu_cycles every 1000000 needs a CPU performance "
                + "monitoring unit; this machine has none (PMUs: "), e.getMessage());
    }
}
