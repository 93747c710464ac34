package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.GlobalKind;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.MapDef.KeyField;
import io.jstap.compiler.module.MapDef.MapKind;
import io.jstap.compiler.module.MapDef.Role;
import io.jstap.compiler.module.MapDef.ValueLayout;
import io.jstap.compiler.module.StatsLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides the map of every global (DESIGN §4) and the module's internal maps. Scalars are one-entry
 * arrays; arrays are hashes keyed by the concatenation of fixed-width fields (long: 8 bytes, string:
 * MAXSTRINGLEN bytes, zero padded); statistics are per-CPU; longs kernel code only accumulates into
 * are per-CPU; wrapping arrays are LRU hashes.
 */
final class MapPlanner {

    static final String SCRATCH = ".scratch";
    static final String OUTPUT = ".output";
    static final String COUNTERS = ".counters";
    static final String CONFIG = ".config";
    /** Ring buffer data size: a power of two, room for thousands of records between two drains. */
    /** 16 MiB: a printf flood from both CPUs outran 4 MiB before the reader caught up. */
    static final int RING_BYTES = 16 << 20;
    /** BPF hash keys may not be larger than the BPF stack. */
    static final int MAX_KEY_BYTES = 512;
    /** COUNTERS slot of records the ring buffer could not take. */
    static final int COUNTER_DROPS = 0;

    private MapPlanner() {
    }

    static Map<String, GlobalMap> globals(List<GlobalDecl> globals, GlobalUsage usage, RuntimeLimits limits) {
        Map<String, GlobalMap> out = new LinkedHashMap<>();
        for (GlobalDecl g : globals) {
            MapDef def = plan(g, usage, limits);
            out.put(g.name(), new GlobalMap(g, def, new MapRef(g.name())));
        }
        return out;
    }

    private static MapDef plan(GlobalDecl g, GlobalUsage usage, RuntimeLimits limits) {
        List<KeyField> keys = keyFields(g, limits);
        int keySize = keys.isEmpty() ? 4 : keys.get(keys.size() - 1).offset() + keys.get(keys.size() - 1).size();
        if (keySize > MAX_KEY_BYTES) {
            throw new CodegenException("the keys of global " + g.name() + " take " + keySize
                    + " bytes, more than the " + MAX_KEY_BYTES + " a BPF map allows (lower MAXSTRINGLEN)", g.loc());
        }
        if (g.kind() == GlobalKind.STATS) {
            ValueLayout v = ValueLayout.ofStats(new StatsLayout(g.histogram().buckets()));
            MapKind kind = g.keyed() && g.wrap() ? MapKind.LRU_PERCPU_HASH : MapKind.PERCPU_HASH;
            int entries = g.keyed() ? g.effectiveMaxEntries(limits.maxMapEntries()) : 1;
            return new MapDef(g.name(), kind, keySize, v.size(), entries, Role.GLOBAL, g, keys, v);
        }
        ValueLayout v = g.valueType() == IrType.STRING ? ValueLayout.ofString(limits.maxStringLen())
                : ValueLayout.ofLong();
        boolean perCpu = g.valueType() == IrType.LONG && usage.accumulateOnly(g.name());
        if (g.kind() == GlobalKind.SCALAR) {
            MapKind kind = perCpu ? MapKind.PERCPU_ARRAY : MapKind.ARRAY;
            return new MapDef(g.name(), kind, 4, v.size(), 1, Role.GLOBAL, g, keys, v);
        }
        MapKind kind = g.wrap() ? (perCpu ? MapKind.LRU_PERCPU_HASH : MapKind.LRU_HASH)
                : (perCpu ? MapKind.PERCPU_HASH : MapKind.HASH);
        return new MapDef(g.name(), kind, keySize, v.size(), g.effectiveMaxEntries(limits.maxMapEntries()),
                Role.GLOBAL, g, keys, v);
    }

    static List<KeyField> keyFields(GlobalDecl g, RuntimeLimits limits) {
        List<KeyField> keys = new ArrayList<>();
        int off = 0;
        for (IrType t : g.keyTypes()) {
            int size = t == IrType.STRING ? limits.maxStringLen() : 8;
            keys.add(new KeyField(t, off, size));
            off += size;
        }
        return keys;
    }

    /** The internal maps kernel probes use; {@code scratchBytes} is the most any probe needs. */
    static List<MapDef> internal(int scratchBytes) {
        List<MapDef> out = new ArrayList<>();
        int scratch = Math.max(8, Storage.align8(scratchBytes));
        out.add(new MapDef(SCRATCH, MapKind.PERCPU_ARRAY, 4, scratch, 1, Role.SCRATCH, null, List.of(),
                ValueLayout.raw(scratch)));
        out.add(new MapDef(OUTPUT, MapKind.RINGBUF, 0, 0, RING_BYTES, Role.OUTPUT, null, List.of(),
                ValueLayout.raw(0)));
        out.add(new MapDef(COUNTERS, MapKind.PERCPU_ARRAY, 4, 8, 1, Role.COUNTERS, null, List.of(),
                ValueLayout.raw(8)));
        out.add(new MapDef(CONFIG, MapKind.ARRAY, 4, MapDef.CONFIG_SIZE, 1, Role.CONFIG, null, List.of(),
                ValueLayout.raw(MapDef.CONFIG_SIZE)));
        return out;
    }
}
