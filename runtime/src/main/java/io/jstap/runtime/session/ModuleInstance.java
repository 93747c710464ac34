package io.jstap.runtime.session;

import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.Module;
import io.jstap.linux.BpfException;
import io.jstap.linux.Cpus;
import io.jstap.runtime.kernel.Attachment;
import io.jstap.runtime.kernel.BpfMap;
import io.jstap.runtime.kernel.KernelResources;
import io.jstap.runtime.kernel.LoadedProgram;
import io.jstap.runtime.kernel.RecordSink;
import io.jstap.runtime.kernel.RingBufferReader;
import io.jstap.runtime.maps.BpfMapStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A {@link Module} loaded into the kernel: its maps (by name, as programs reference them; the CONFIG map
 * filled, scalar initialisers set), its programs
 * (loaded, verified, not yet attached), then on demand their attachments and the ring buffer reader. It
 * owns one {@link KernelResources} scope, so {@link #close()} releases every fd it made, and a failure
 * while loading releases what was made so far.
 */
public final class ModuleInstance implements AutoCloseable {

    /** A kernel probe with its loaded program. */
    public record LoadedProbe(KernelProbe probe, LoadedProgram program) {
    }

    private final Module module;
    private final KernelResources kr;
    private final Map<String, BpfMap> maps = new LinkedHashMap<>();
    private final List<LoadedProbe> programs = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private final BpfMapStore store;
    private RingBufferReader reader;

    private ModuleInstance(Module module, long target) {
        this.module = module;
        this.kr = new KernelResources();
        try {
            createMaps();
            configure(target);
            this.store = new BpfMapStore(module, maps, kr.bpf());
            initialiseGlobals();
            loadPrograms();
        } catch (RuntimeException e) {
            kr.close();
            throw e;
        }
    }

    /**
     * Creates the module's maps, sets initialised globals and loads (verifies) every program; attaches
     * nothing. Throws {@link ModuleLoadException} or a {@link io.jstap.linux.NativeException} with a message
     * for the user, having released everything.
     */
    public static ModuleInstance load(Module module, long target) {
        return new ModuleInstance(module, target);
    }

    /** {@link #load(Module, long)} with no {@code target()} (0). */
    public static ModuleInstance load(Module module) {
        return load(module, 0);
    }

    /** Fills the CONFIG map kernel code reads: {@code target()} and the boot-to-epoch clock offset. */
    private void configure(long target) {
        MapDef d = module.mapOfRole(MapDef.Role.CONFIG).orElse(null);
        if (d == null) {
            return;
        }
        if (d.kind() != MapDef.MapKind.ARRAY || d.valueSize() < MapDef.CONFIG_SIZE) {
            throw new ModuleLoadException("the module's CONFIG map " + d.name() + " is not a " + MapDef.CONFIG_SIZE
                    + "-byte one-entry array (a compiler bug)", null);
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(d.valueSize()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(MapDef.CONFIG_TARGET, target);
        b.putLong(MapDef.CONFIG_BOOT_TO_EPOCH_NS, BootClock.bootToEpochNanos());
        maps.get(d.name()).update(BpfMap.intKey(0), b.array());
    }

    private void createMaps() {
        for (MapDef d : module.maps()) {
            if (maps.put(d.name(), kr.createMap(KernelPoints.mapSpec(d))) != null) {
                throw new ModuleLoadException("the module defines map " + d.name() + " twice", null);
            }
        }
    }

    /** {@code global x = 5}: stap sets initialisers when the module starts, before begin probes. */
    private void initialiseGlobals() {
        for (GlobalDecl g : module.ir().globals()) {
            if (g.initialValue() != null) {
                store.put(g.name(), List.of(), g.initialValue());
            }
        }
    }

    private void loadPrograms() {
        for (KernelProbe p : module.kernelProbes()) {
            byte[] insns = p.code().bytesWithFds(ref -> {
                BpfMap m = maps.get(ref.name());
                if (m == null) {
                    throw new ModuleLoadException("probe " + p.name() + " at " + p.loc() + " uses map " + ref.name()
                            + ", which the module does not define (a compiler bug)", null);
                }
                return m.fd();
            });
            try {
                programs.add(new LoadedProbe(p, kr.load(KernelPoints.programLoad(p, insns))));
            } catch (BpfException e) {
                throw new ModuleLoadException("probe " + p.name() + " at " + p.loc() + ": "
                        + KernelPoints.loadFailure(e), e.verifierLog(), e);
            }
        }
    }

    /**
     * Attaches every kernel probe to every point it names. A point the kernel refuses (a missing tracepoint,
     * no kprobe PMU, a bad uprobe offset) throws {@link ModuleLoadException} naming the probe; points
     * attached before it stay attached until {@link #detach()} or {@link #close()}.
     */
    public synchronized void attach() {
        for (LoadedProbe lp : programs) {
            for (Attach a : lp.probe().attach()) {
                try {
                    attachments.add(KernelPoints.attach(kr, lp.program(), a));
                } catch (RuntimeException e) {
                    String why = e.getMessage() == null ? e.toString() : e.getMessage();
                    throw new ModuleLoadException("probe " + lp.probe().name() + " at " + lp.probe().loc()
                            + ": cannot attach " + a.describe() + ": " + why, e);
                }
            }
        }
    }

    /** Detaches every kernel probe; maps, programs and the ring buffer stay. */
    public synchronized void detach() {
        for (int i = attachments.size() - 1; i >= 0; i--) {
            attachments.get(i).close();
        }
        attachments.clear();
    }

    /** Number of probe points attached now. */
    public synchronized int attachedPoints() {
        return attachments.size();
    }

    /**
     * Starts delivering the OUTPUT ring buffer's records to {@code sink} on a reader thread, with the
     * COUNTERS map's slot 0 as the count of records programs could not reserve. No-op for a module without
     * an output ring.
     */
    public synchronized void openOutput(RecordSink sink) {
        BpfMap ring = module.mapOfRole(MapDef.Role.OUTPUT).map(d -> maps.get(d.name())).orElse(null);
        if (ring == null || reader != null) {
            return;
        }
        reader = kr.openRingBuffer(ring, sink, dropCounter());
    }

    private LongSupplier dropCounter() {
        MapDef d = module.mapOfRole(MapDef.Role.COUNTERS).orElse(null);
        if (d == null) {
            return null;
        }
        BpfMap m = maps.get(d.name());
        byte[] key = BpfMap.intKey(0);
        if (d.perCpu()) {
            return () -> m.sumPerCpuLong(key, 0);
        }
        return () -> m.lookup(key).map(v -> java.nio.ByteBuffer.wrap(v).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getLong(0)).orElse(0L);
    }

    /** Delivers what is left in the ring buffer, then stops its reader (after {@link #detach()}). */
    public synchronized void closeOutput() {
        if (reader != null) {
            reader.close();
        }
    }

    /** Records the programs could not put in the ring buffer, as of the reader's last drain. */
    public synchronized long lostRecords() {
        return reader == null ? 0 : reader.lost();
    }

    /** What stopped the ring buffer reader early, or null. */
    public synchronized Throwable outputFailure() {
        return reader == null ? null : reader.failure();
    }

    public Module module() {
        return module;
    }

    /** The live maps by {@link MapDef#name()}. */
    public Map<String, BpfMap> maps() {
        return java.util.Collections.unmodifiableMap(maps);
    }

    public List<LoadedProbe> programs() {
        return List.copyOf(programs);
    }

    /** The module's globals over its maps. */
    public BpfMapStore store() {
        return store;
    }

    public KernelResources resources() {
        return kr;
    }

    /** Releases everything: reader, attachments, programs, maps. */
    @Override
    public void close() {
        kr.close();
    }

    /** Slots of a per-CPU value on this machine (for callers decoding raw values). */
    public static int possibleCpus() {
        return Cpus.possibleCount();
    }
}
