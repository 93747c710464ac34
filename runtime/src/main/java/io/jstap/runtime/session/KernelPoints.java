package io.jstap.runtime.session;

import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.ProgKind;
import io.jstap.linux.BpfException;
import io.jstap.linux.MapSpec;
import io.jstap.linux.MapType;
import io.jstap.linux.ProgType;
import io.jstap.linux.ProgramLoad;
import io.jstap.runtime.kernel.Attachment;
import io.jstap.runtime.kernel.KernelResources;
import io.jstap.runtime.kernel.LoadedProgram;
import io.jstap.runtime.kernel.PerfEventSpec;
import io.jstap.runtime.kernel.UprobeTarget;

/**
 * The module's words for maps, programs and attach points in the kernel layer's terms, shared by a script
 * run ({@link ModuleInstance}) and the live session's reloads, so both load and attach a probe the same way.
 */
public final class KernelPoints {

    private KernelPoints() {
    }

    public static MapSpec mapSpec(MapDef d) {
        if (d.kind() == MapDef.MapKind.RINGBUF) {
            return MapSpec.ringBuffer(d.name(), d.maxEntries());
        }
        return MapSpec.of(mapType(d.kind()), d.name(), d.keySize(), d.valueSize(), d.maxEntries());
    }

    /** The compiler's map and program kinds are named after the kernel's types they stand for. */
    static MapType mapType(MapDef.MapKind k) {
        return MapType.valueOf(k.name());
    }

    /** The load request for {@code p}'s program, its map references already replaced by fds. */
    public static ProgramLoad programLoad(KernelProbe p, byte[] insnsWithFds) {
        return new ProgramLoad(progType(p.kind()), p.name(), insnsWithFds, "GPL");
    }

    static ProgType progType(ProgKind k) {
        return ProgType.valueOf(k.name());
    }

    /** Why a load failed, for the user: a verifier rejection is the compiler's fault and says so. */
    public static String loadFailure(BpfException e) {
        String log = e.verifierLog();
        return log == null || log.isEmpty() ? e.getMessage()
                : e.getMessage() + " (a compiler bug: its programs must pass the verifier)";
    }

    public static Attachment attach(KernelResources kr, LoadedProgram prog, Attach a) {
        if (a instanceof Attach.Tracepoint t) {
            return kr.attachTracepoint(prog, t.category(), t.event());
        }
        if (a instanceof Attach.RawTracepoint r) {
            return kr.attachRawTracepoint(prog, r.name());
        }
        if (a instanceof Attach.Uprobe u) {
            return kr.attachUprobe(prog, UprobeTarget.of(u));
        }
        if (a instanceof Attach.Kprobe k) {
            return kr.attachKprobe(prog, k.function(), k.ret());
        }
        Attach.PerfEvent p = (Attach.PerfEvent) a;
        return kr.attachPerfEvent(prog, new PerfEventSpec(p.type(), p.config(), p.period(), p.freq(), a.describe()));
    }
}
