package io.jstap.runtime.codegen;

import io.jstap.compiler.bpf.Disassembler;
import io.jstap.compiler.bpfgen.MapCodec;
import io.jstap.compiler.bpfgen.RecordDecoder;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.Module;
import io.jstap.linux.BpfException;
import io.jstap.linux.Cpus;
import io.jstap.linux.MapSpec;
import io.jstap.linux.MapType;
import io.jstap.linux.ProgType;
import io.jstap.linux.ProgramLoad;
import io.jstap.runtime.kernel.BpfMap;
import io.jstap.runtime.kernel.KernelResources;
import io.jstap.runtime.kernel.LoadedProgram;
import io.jstap.runtime.kernel.RecordSink;
import io.jstap.runtime.kernel.RingBufferReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module loaded for a test: one map per MapDef, the config map filled, every kernel probe loaded and
 * attached, and a ring buffer reader collecting decoded records. Everything belongs to the test's scope.
 */
final class LoadedModule {

    final Module module;
    private final KernelResources kr;
    private final Map<String, BpfMap> maps = new LinkedHashMap<>();
    private final List<LoadedProgram> programs = new ArrayList<>();
    private final List<RecordDecoder.Decoded> records = new ArrayList<>();
    private RingBufferReader reader;

    LoadedModule(KernelResources kr, Module module, long target) {
        this.kr = kr;
        this.module = module;
        for (MapDef d : module.maps()) {
            MapSpec spec = d.kind() == MapDef.MapKind.RINGBUF ? MapSpec.ringBuffer(d.name(), d.maxEntries())
                    : MapSpec.of(MapType.valueOf(d.kind().name()), d.name(), d.keySize(), d.valueSize(), d.maxEntries());
            maps.put(d.name(), kr.createMap(spec));
        }
        module.mapOfRole(MapDef.Role.CONFIG).ifPresent(d -> {
            ByteBuffer b = ByteBuffer.allocate(d.valueSize()).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(MapDef.CONFIG_TARGET, target);
            b.putLong(MapDef.CONFIG_BOOT_TO_EPOCH_NS,
                    Native.clockNanos(Native.CLOCK_REALTIME) - Native.clockNanos(Native.CLOCK_BOOTTIME));
            maps.get(d.name()).update(BpfMap.intKey(0), b.array());
        });
        for (KernelProbe p : module.kernelProbes()) {
            byte[] code = p.code().bytesWithFds(ref -> maps.get(ref.name()).fd());
            ProgramLoad load = new ProgramLoad(progType(p), p.name(), code, "GPL");
            try {
                programs.add(kr.load(load));
            } catch (BpfException e) {
                throw new AssertionError("the verifier rejected " + p.ir().name() + ": " + e.getMessage() + "\n"
                        + tail(e.verifierLog()) + "\n---- program\n" + Disassembler.disassemble(p.code()), e);
            }
        }
        module.mapOfRole(MapDef.Role.OUTPUT).ifPresent(d -> {
            BpfMap counters = maps.get(module.mapOfRole(MapDef.Role.COUNTERS).orElseThrow().name());
            reader = kr.openRingBuffer(maps.get(d.name()), new RecordSink() {
                @Override
                public void onRecord(ByteBuffer data, int offset, int length) {
                    RecordDecoder.Decoded r = RecordDecoder.decode(module.records(), data, offset, length);
                    synchronized (records) {
                        records.add(r);
                    }
                }
            }, () -> counters.sumPerCpuLong(BpfMap.intKey(0), 0));
        });
    }

    private static String tail(String log) {
        if (log == null) {
            return "";
        }
        String[] lines = log.split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, lines.length - 40); i < lines.length; i++) {
            b.append(lines[i]).append('\n');
        }
        return b.toString();
    }

    private static ProgType progType(KernelProbe p) {
        switch (p.kind()) {
            case TRACEPOINT: return ProgType.TRACEPOINT;
            case RAW_TRACEPOINT: return ProgType.RAW_TRACEPOINT;
            case KPROBE: return ProgType.KPROBE;
            default: return ProgType.PERF_EVENT;
        }
    }

    /** Attaches every probe to its tracepoints. */
    LoadedModule attach() {
        for (int i = 0; i < programs.size(); i++) {
            for (Attach a : module.kernelProbes().get(i).attach()) {
                Attach.Tracepoint t = (Attach.Tracepoint) a;
                kr.attachTracepoint(programs.get(i), t.category(), t.event());
            }
        }
        return this;
    }

    BpfMap map(String name) {
        BpfMap m = maps.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no map " + name);
        }
        return m;
    }

    MapDef def(String name) {
        return module.map(name).orElseThrow();
    }

    /** The value of a global at a key (no key for scalars), decoded and folded over CPUs; null if absent. */
    Object get(String global, Object... key) {
        MapDef d = def(global);
        return map(global).lookup(MapCodec.encodeKey(d, List.of(key))).map(v -> MapCodec.decodeValue(d, v))
                .orElse(null);
    }

    Stats stats(String global, Object... key) {
        return (Stats) get(global, key);
    }

    /** Every element of a keyed global, decoded. */
    Map<List<Object>, Object> entries(String global) {
        MapDef d = def(global);
        Map<List<Object>, Object> out = new LinkedHashMap<>();
        for (BpfMap.Entry e : map(global).entries()) {
            out.put(MapCodec.decodeKey(d, e.key()), MapCodec.decodeValue(d, e.value()));
        }
        return out;
    }

    /** The per-CPU copies of a long global (one per possible CPU). */
    long[] perCpu(String global, Object... key) {
        MapDef d = def(global);
        return map(global).perCpuLongs(MapCodec.encodeKey(d, List.of(key)), 0).orElseThrow();
    }

    /** Waits until at least {@code n} records arrived (or 5 s passed) and returns all so far. */
    List<RecordDecoder.Decoded> records(int n) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            synchronized (records) {
                if (records.size() >= n || System.nanoTime() > deadline) {
                    return List.copyOf(records);
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The records' texts, after at least {@code n} arrived. */
    List<String> texts(int n) {
        return records(n).stream().map(RecordDecoder.Decoded::text).toList();
    }

    long dropped() {
        return reader == null ? 0 : reader.lost();
    }

    static int possibleCpus() {
        return Cpus.possibleCount();
    }
}
