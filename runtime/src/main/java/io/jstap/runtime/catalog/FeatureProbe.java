package io.jstap.runtime.catalog;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.probe.KernelFeature;
import io.jstap.linux.BpfException;
import io.jstap.linux.Cpus;
import io.jstap.linux.MapSpec;
import io.jstap.linux.MapType;
import io.jstap.linux.Pmu;
import io.jstap.linux.ProgType;
import io.jstap.linux.ProgramLoad;
import io.jstap.runtime.kernel.KernelResources;
import io.jstap.runtime.kernel.LoadedProgram;
import io.jstap.runtime.kernel.PerfEventSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds out what this kernel offers by trying it: loading tiny programs, attaching them for a moment,
 * creating maps. Everything it opens is closed before it returns.
 */
public final class FeatureProbe {

    private static final List<ProgType> HELPER_TYPES = List.of(ProgType.TRACEPOINT, ProgType.KPROBE,
            ProgType.PERF_EVENT, ProgType.RAW_TRACEPOINT);

    private FeatureProbe() {
    }

    private static byte[] noop() {
        return new Assembler().mov(Reg.R0, 0).exit().build().bytes();
    }

    private interface Check {
        void run(KernelResources kr) throws Exception;
    }

    private static String attempt(Check c) {
        try (KernelResources kr = new KernelResources()) {
            c.run(kr);
            return null;
        } catch (Exception | LinkageError e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    private static LoadedProgram noopProgram(KernelResources kr, ProgType type) {
        return kr.load(new ProgramLoad(type, "probe_" + type.name().toLowerCase(java.util.Locale.ROOT), noop(), "GPL"));
    }

    /** Which attach kinds work: null for yes, otherwise the reason. */
    public static Map<KernelFeature, String> attachKinds() {
        Map<KernelFeature, String> out = new EnumMap<>(KernelFeature.class);
        out.put(KernelFeature.TRACEPOINT, attempt(kr ->
                kr.attachTracepoint(noopProgram(kr, ProgType.TRACEPOINT), "syscalls", "sys_enter_getppid")));
        out.put(KernelFeature.RAW_TRACEPOINT, attempt(kr ->
                kr.attachRawTracepoint(noopProgram(kr, ProgType.RAW_TRACEPOINT), "sys_enter")));
        out.put(KernelFeature.UPROBE, Pmu.type("uprobe").isPresent() ? attempt(kr -> noopProgram(kr, ProgType.KPROBE))
                : "no 'uprobe' perf PMU (" + Pmu.DEVICES.resolve("uprobe") + ")");
        out.put(KernelFeature.KPROBE, Pmu.type("kprobe").isPresent() ? attempt(kr -> noopProgram(kr, ProgType.KPROBE))
                : "no 'kprobe' perf PMU (" + Pmu.DEVICES.resolve("kprobe") + ")");
        out.put(KernelFeature.PERF_SOFTWARE, attempt(kr ->
                kr.attachPerfEvent(noopProgram(kr, ProgType.PERF_EVENT), PerfEventSpec.cpuClockHz(1))));
        out.put(KernelFeature.PERF_HARDWARE, attempt(kr -> kr.attachPerfEvent(noopProgram(kr, ProgType.PERF_EVENT),
                PerfEventSpec.hardware(PerfEventSpec.Hardware.CPU_CYCLES, 1_000_000_000L))));
        out.put(KernelFeature.RINGBUF, attempt(kr -> kr.createMap(MapSpec.ringBuffer("probe_ring", 4096))));
        Path btf = Path.of("/sys/kernel/btf/vmlinux");
        out.put(KernelFeature.BTF, Files.exists(btf) ? null : btf + " is missing (CONFIG_DEBUG_INFO_BTF is off)");
        return out;
    }

    static Map<String, String> programTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (ProgType t : ProgType.values()) {
            out.put(t.name(), attempt(kr -> noopProgram(kr, t)));
        }
        return out;
    }

    static Map<String, String> mapTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (MapType t : MapType.values()) {
            out.put(t.name(), attempt(kr -> kr.createMap(sample(t))));
        }
        return out;
    }

    private static MapSpec sample(MapType t) {
        String name = "probe_" + t.id();
        switch (t) {
            case RINGBUF:
                return MapSpec.ringBuffer(name, 4096);
            case QUEUE:
            case STACK:
            case BLOOM_FILTER:
                return MapSpec.of(t, name, 0, 8, 4);
            case STACK_TRACE:
                return MapSpec.of(t, name, 4, 1016, 4);
            case PROG_ARRAY:
            case PERF_EVENT_ARRAY:
                return MapSpec.of(t, name, 4, 4, 4);
            case ARRAY:
            case PERCPU_ARRAY:
                return MapSpec.of(t, name, 4, 8, 4);
            default:
                return MapSpec.of(t, name, 8, 8, 4);
        }
    }

    /**
     * For each helper and program type: can such a program call it? A call with unset arguments is
     * rejected either way; only "cannot use helper", "not supported for program type" or "unknown func" mean the helper is unavailable.
     */
    static Map<String, List<Boolean>> helpers() {
        Map<String, List<Boolean>> out = new TreeMap<>();
        try (KernelResources kr = new KernelResources()) {
            for (Helper h : Helper.values()) {
                List<Boolean> row = new ArrayList<>();
                for (ProgType t : HELPER_TYPES) {
                    byte[] code = new Assembler().call(h).mov(Reg.R0, 0).exit().build().bytes();
                    row.add(helperUsable(kr, t, h, code));
                }
                out.put(h.kernelName(), row);
            }
        }
        return out;
    }

    private static boolean helperUsable(KernelResources kr, ProgType t, Helper h, byte[] code) {
        try {
            kr.load(new ProgramLoad(t, "probe_helper", code, "GPL")).close();
            return true;
        } catch (BpfException e) {
            String log = e.verifierLog();
            return !(log.contains("cannot use helper") || log.contains("not supported") || log.contains("unknown func") || log.contains("invalid func")
                    || e.errno() == io.jstap.linux.Errno.EPERM);
        }
    }

    /** Everything, for {@code --probe-features}. */
    public static FeatureReport full(MachineProbeCatalog catalog) {
        Map<String, Integer> pmus = new LinkedHashMap<>();
        for (String n : Pmu.names()) {
            pmus.put(n, Pmu.type(n).orElse(-1));
        }
        List<String> types = HELPER_TYPES.stream().map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).toList();
        return new FeatureReport(catalog.kernelRelease(), Cpus.online(), Cpus.possibleCount(),
                catalog.tracefsDescription(), catalog.tracepoints().size(), catalog.syscalls().size(), attachKinds(),
                programTypes(), mapTypes(), types, helpers(), pmus);
    }
}
