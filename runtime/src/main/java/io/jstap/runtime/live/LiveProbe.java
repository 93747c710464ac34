package io.jstap.runtime.live;

import io.jstap.compiler.bpf.MapReloc;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.runtime.kernel.Attachment;
import io.jstap.runtime.kernel.BpfMap;
import io.jstap.runtime.kernel.LoadedProgram;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A kernel probe of the running module: its loaded program and its attachments. A reload hands the same
 * program and attachments on to the next module's probe when {@link #signature} and the maps it uses are
 * unchanged, so an unchanged probe is never detached.
 */
final class LiveProbe {

    private final KernelProbe probe;
    private final LoadedProgram program;
    private final String signature;
    private final Map<String, BpfMap> maps;
    private final List<Attachment> attachments;
    /** When the current attachments were made, for event rates; 0 while detached. */
    private long attachedAt;
    private long attachNanos;

    LiveProbe(KernelProbe probe, LoadedProgram program, Map<String, BpfMap> maps) {
        this(probe, program, maps, new ArrayList<>(), 0, 0);
    }

    private LiveProbe(KernelProbe probe, LoadedProgram program, Map<String, BpfMap> maps, List<Attachment> attachments,
                      long attachedAt, long attachNanos) {
        this.probe = probe;
        this.program = program;
        this.signature = signature(probe);
        this.maps = Map.copyOf(maps);
        this.attachments = attachments;
        this.attachedAt = attachedAt;
        this.attachNanos = attachNanos;
    }

    /**
     * What must be equal for a probe to keep its program and attachments: program type, attach points,
     * instructions (before map fds are patched in) and which map each relocation names.
     */
    static String signature(KernelProbe p) {
        StringBuilder sb = new StringBuilder();
        sb.append(p.kind()).append('|').append(p.attach()).append('|');
        for (MapReloc r : p.code().relocs()) {
            sb.append(r.slot()).append(r.value() ? 'v' : 'm').append(r.map().name()).append(',');
        }
        sb.append('|').append(Base64.getEncoder().encodeToString(p.code().bytes()));
        return sb.toString();
    }

    /** This program and its attachments, now serving {@code next} (same signature, same maps). */
    LiveProbe handOver(KernelProbe next) {
        return new LiveProbe(next, program, maps, attachments, attachedAt, attachNanos);
    }

    /** True when {@code next} can run on this program: same signature and the same live maps. */
    boolean reusableFor(KernelProbe next, String nextSignature, Map<String, BpfMap> nextMaps) {
        if (!signature.equals(nextSignature)) {
            return false;
        }
        for (Map.Entry<String, BpfMap> e : maps.entrySet()) {
            if (nextMaps.get(e.getKey()) != e.getValue()) {
                return false;
            }
        }
        return true;
    }

    KernelProbe probe() {
        return probe;
    }

    LoadedProgram program() {
        return program;
    }

    String signature() {
        return signature;
    }

    synchronized List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    synchronized void attached(Attachment a) {
        attachments.add(a);
    }

    synchronized void attachedAll(long nanos) {
        attachNanos = nanos;
        attachedAt = System.nanoTime();
    }

    /** Forgets the attachments (the caller closes them). */
    synchronized List<Attachment> takeAttachments() {
        List<Attachment> out = List.copyOf(attachments);
        attachments.clear();
        attachedAt = 0;
        return out;
    }

    synchronized boolean isAttached() {
        return !attachments.isEmpty();
    }

    synchronized long attachedAt() {
        return attachedAt;
    }

    /** Wall time the last attach of every point took. */
    synchronized long attachNanos() {
        return attachNanos;
    }
}
