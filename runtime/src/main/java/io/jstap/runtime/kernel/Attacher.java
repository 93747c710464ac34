package io.jstap.runtime.kernel;

import io.jstap.compiler.probe.KernelFeature;
import io.jstap.linux.Bpf;
import io.jstap.linux.Cpus;
import io.jstap.linux.PerfEventAttr;
import io.jstap.linux.Pmu;
import io.jstap.linux.Tracefs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Opens perf events and binds programs to them. Every event is opened disabled, the program is
 * attached, then the event is enabled; a failure part way closes whatever was opened.
 */
final class Attacher {

    private final KernelResources scope;
    private volatile Path tracefs;

    Attacher(KernelResources scope) {
        this.scope = scope;
    }

    private Path tracefs() {
        Path t = tracefs;
        if (t == null) {
            t = Tracefs.locateOrMount(scope.sys());
            tracefs = t;
        }
        return t;
    }

    /** Collects fds while attaching, so a failure can release them. */
    private final class Pending {
        final List<Integer> perf = new ArrayList<>();
        final List<Integer> links = new ArrayList<>();

        RuntimeException abort(RuntimeException e) {
            for (int fd : links) {
                scope.bpf().close(fd);
            }
            for (int fd : perf) {
                scope.bpf().close(fd);
            }
            return e;
        }

        Attachment done(String what, LoadedProgram prog) {
            return new Attachment(scope, what, prog, links.stream().mapToInt(Integer::intValue).toArray(),
                    perf.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Opens on each (pid, cpu), binds by SET_BPF or a link, then enables all. */
    private Attachment perfAttach(LoadedProgram prog, PerfEventAttr attr, int pid, List<Integer> cpus,
            String what, boolean link, long cookie) {
        Pending p = new Pending();
        try {
            for (int cpu : cpus) {
                int fd = scope.perf().open(attr, pid, cpu, what);
                p.perf.add(fd);
                if (link) {
                    p.links.add(scope.bpf().createLink(prog.fd(), fd, Bpf.ATTACH_PERF_EVENT, cookie));
                } else {
                    scope.perf().setBpf(fd, prog.fd(), what);
                }
            }
            for (int fd : p.perf) {
                scope.perf().enable(fd);
            }
            return p.done(what, prog);
        } catch (RuntimeException e) {
            throw p.abort(e);
        }
    }

    Attachment tracepoint(LoadedProgram prog, String category, String event, boolean link, long cookie) {
        String what = "tracepoint " + category + ":" + event;
        long id = Tracefs.eventId(tracefs(), category, event);
        // Tracepoints are global: one event on one CPU sees every CPU's hits.
        return perfAttach(prog, PerfEventAttr.tracepoint(id), -1, List.of(0), what, link, cookie);
    }

    Attachment rawTracepoint(LoadedProgram prog, String name) {
        int fd = scope.bpf().openRawTracepoint(name, prog.fd());
        return new Attachment(scope, "raw tracepoint " + name, prog, new int[] {fd}, new int[0]);
    }

    Attachment uprobe(LoadedProgram prog, UprobeTarget target) {
        OptionalInt type = Pmu.type("uprobe");
        if (type.isEmpty()) {
            throw new MissingFeatureException(KernelFeature.UPROBE, "process probes need uprobes: this kernel has "
                    + "no 'uprobe' perf PMU (" + Pmu.DEVICES.resolve("uprobe") + ") — CONFIG_UPROBE_EVENTS is off");
        }
        long offset = ElfCache.shared().uprobeOffset(target);
        int retBit = target.ret() ? Pmu.configBit("uprobe", "retprobe") : -1;
        if (target.ret() && retBit < 0) {
            throw new MissingFeatureException(KernelFeature.UPROBE, "return probes need the uprobe PMU's "
                    + "'retprobe' format bit, which this kernel does not publish");
        }
        PerfEventAttr attr = PerfEventAttr.probe(type.getAsInt(), target.binary().toString(), offset, retBit);
        if (target.refCtrOffset() != 0) {
            attr = withSemaphore(attr, target);
        }
        List<Integer> cpus = target.pid() >= 0 ? List.of(-1) : List.of(0);
        return perfAttach(prog, attr, target.pid(), cpus, target.describe(), false, 0);
    }

    /** USDT semaphores: the PMU's ref_ctr_offset config field (kernel 4.20 and later) holds the file offset. */
    private static PerfEventAttr withSemaphore(PerfEventAttr attr, UprobeTarget target) {
        int bit = Pmu.configBit("uprobe", "ref_ctr_offset");
        if (bit < 0) {
            throw new MissingFeatureException(KernelFeature.UPROBE, target.describe() + " has a semaphore, and this "
                    + "kernel's uprobe PMU has no 'ref_ctr_offset' format field to count it (needs Linux 4.20)");
        }
        if (bit > 0 && (target.refCtrOffset() >>> (64 - bit)) != 0) {
            throw new IllegalArgumentException("semaphore offset 0x" + Long.toHexString(target.refCtrOffset())
                    + " of " + target.describe() + " does not fit the uprobe PMU's " + (64 - bit)
                    + "-bit ref_ctr_offset");
        }
        return new PerfEventAttr(attr.type(), attr.config() | (target.refCtrOffset() << bit), attr.periodOrFreq(),
                attr.flags(), attr.probeTarget(), attr.probeOffset());
    }

    Attachment kprobe(LoadedProgram prog, String function, boolean ret) {
        OptionalInt type = Pmu.type("kprobe");
        if (type.isEmpty()) {
            boolean legacy = Files.exists(tracefs().resolve("kprobe_events"));
            throw new MissingFeatureException(KernelFeature.KPROBE, "kernel.function probes need kprobes: this "
                    + "kernel has no 'kprobe' perf PMU (" + Pmu.DEVICES.resolve("kprobe") + ")"
                    + (legacy ? "" : " — CONFIG_KPROBE_EVENTS is off"));
        }
        int retBit = ret ? Pmu.configBit("kprobe", "retprobe") : -1;
        PerfEventAttr attr = PerfEventAttr.probe(type.getAsInt(), function, 0, retBit);
        String what = (ret ? "kretprobe " : "kprobe ") + function;
        return perfAttach(prog, attr, -1, List.of(0), what, false, 0);
    }

    Attachment perfEvent(LoadedProgram prog, PerfEventSpec spec) {
        if (spec.hardware() && !Pmu.hasHardwareCounters()) {
            throw new MissingFeatureException(KernelFeature.PERF_HARDWARE, spec.description()
                    + " needs a CPU performance monitoring unit; this machine has none (PMUs: "
                    + String.join(", ", Pmu.names()) + ")");
        }
        return perfAttach(prog, spec.attr(), -1, Cpus.online(), spec.description(), false, 0);
    }
}
