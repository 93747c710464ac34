package io.jstap.runtime.maps;

import com.sun.jna.Memory;
import io.jstap.compiler.exec.HeapMapStore;
import io.jstap.compiler.exec.MapFullException;
import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.GlobalKind;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.Module;
import io.jstap.linux.Bpf;
import io.jstap.linux.BpfException;
import io.jstap.linux.Errno;
import io.jstap.runtime.kernel.BpfMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The globals of a loaded module, read and written through their BPF maps so that userspace probes and
 * REPL expressions see exactly what kernel probes count (DESIGN §4). Keys and values are encoded by
 * {@link KeyCodec} and {@link ValueCodec}; per-CPU values are summed or folded on read.
 *
 * <p>Writes are read-modify-write system calls: an update of an element races with kernel probes that
 * update the same element at that moment (one of the two increments can be lost). That window exists
 * only while userspace timers run alongside attached kernel probes; begin and end probes run while no
 * kernel probe is attached. A full map becomes {@link MapFullException} (stap's MAXMAPENTRIES error);
 * a wrapping global ({@code global x%}) drops an element the kernel iterates first instead.
 *
 * <p>Globals the module keeps in no map (never used by a kernel probe) live in memory. All methods are
 * atomic with respect to each other.
 */
public final class BpfMapStore implements MapStore {

    private final Bpf bpf;
    private final Map<String, Table> tables = new HashMap<>();
    private final HeapMapStore heap;

    /** One global's map with its codecs and reusable native buffers. */
    private static final class Table {
        final MapDef def;
        final GlobalDecl decl;
        final BpfMap map;
        final KeyCodec keys;
        final ValueCodec values;
        final byte[] key;
        final byte[] value;
        final Memory keyMem;
        final Memory valueMem;

        Table(MapDef def, BpfMap map, int cpus) {
            this.def = def;
            this.decl = def.global();
            this.map = map;
            this.keys = new KeyCodec(def);
            this.values = new ValueCodec(def, cpus);
            if (values.bufferSize() != map.valueBufferSize()) {
                throw new IllegalArgumentException("map " + def.name() + ": value buffer of " + values.bufferSize()
                        + " bytes expected, the map has " + map.valueBufferSize());
            }
            this.key = new byte[keys.keySize()];
            this.value = new byte[values.bufferSize()];
            this.keyMem = new Memory(key.length);
            this.valueMem = new Memory(value.length);
        }

        boolean scalar() {
            return keys.arity() == 0;
        }
    }

    /**
     * @param maps the module's live maps by {@link MapDef#name()}; every GLOBAL map of the module must be
     *             there
     */
    public BpfMapStore(Module module, Map<String, BpfMap> maps, Bpf bpf) {
        this.bpf = bpf;
        List<GlobalDecl> inMemory = new ArrayList<>();
        for (GlobalDecl g : module.ir().globals()) {
            MapDef def = module.maps().stream()
                    .filter(m -> m.role() == MapDef.Role.GLOBAL && m.global() != null && m.global().name().equals(g.name()))
                    .findFirst().orElse(null);
            if (def == null) {
                inMemory.add(g);
                continue;
            }
            BpfMap map = maps.get(def.name());
            if (map == null) {
                throw new IllegalArgumentException("no live map for global " + g.name() + " (map " + def.name() + ")");
            }
            tables.put(g.name(), new Table(def, map, slotsOf(map, def)));
        }
        this.heap = new HeapMapStore(inMemory, module.limits());
    }

    private static int slotsOf(BpfMap map, MapDef def) {
        return def.perCpu() ? map.valueBufferSize() / ((def.valueSize() + 7) & ~7) : 1;
    }

    private Table table(String global) {
        return tables.get(global);
    }

    /** True when {@code global} lives in a BPF map (false: in memory only). */
    public synchronized boolean inKernel(String global) {
        return tables.containsKey(global);
    }

    @Override
    public synchronized GlobalDecl decl(String global) {
        Table t = table(global);
        return t != null ? t.decl : heap.decl(global);
    }

    /** Looks the current key up; on success the value bytes are in {@code t.value}. */
    private boolean lookup(Table t, List<Object> key) {
        t.keys.encode(key, t.key);
        t.keyMem.write(0, t.key, 0, t.key.length);
        if (!bpf.lookup(t.map.fd(), t.keyMem, t.valueMem)) {
            return false;
        }
        t.valueMem.read(0, t.value, 0, t.value.length);
        return true;
    }

    /** Stores {@code t.value} at the key already in {@code t.keyMem}, making room as the global says. */
    private void store(Table t) {
        t.valueMem.write(0, t.value, 0, t.value.length);
        try {
            bpf.update(t.map.fd(), t.keyMem, t.valueMem, Bpf.ANY);
        } catch (BpfException e) {
            if (e.errno() != Errno.E2BIG || t.scalar()) {
                throw e;
            }
            // LRU maps (how the code generator keeps wrapping globals) evict by themselves; a plain hash
            // holding a wrapping global gives up an element here
            if (!t.decl.wrap() || !evictOne(t)) {
                throw new MapFullException(t.decl.name(), t.def.maxEntries());
            }
            bpf.update(t.map.fd(), t.keyMem, t.valueMem, Bpf.ANY);
        }
    }

    /** Drops the element the kernel lists first (hash maps keep no insertion order to find the oldest). */
    private boolean evictOne(Table t) {
        Memory first = new Memory(t.key.length);
        return bpf.nextKey(t.map.fd(), null, first) && bpf.delete(t.map.fd(), first);
    }

    @Override
    public synchronized Object get(String global, List<Object> key) {
        Table t = table(global);
        if (t == null) {
            return heap.get(global, key);
        }
        if (!lookup(t, key)) {
            return null;
        }
        if (t.decl.kind() == GlobalKind.STATS) {
            return t.values.decodeStats(t.value, 0);
        }
        return t.values.decode(t.value, 0);
    }

    @Override
    public synchronized void put(String global, List<Object> key, Object value) {
        Table t = table(global);
        if (t == null) {
            heap.put(global, key, value);
            return;
        }
        t.keys.encode(key, t.key);
        t.keyMem.write(0, t.key, 0, t.key.length);
        t.values.encode(value, t.value);
        store(t);
    }

    @Override
    public synchronized long add(String global, List<Object> key, long delta) {
        Table t = table(global);
        if (t == null) {
            return heap.add(global, key, delta);
        }
        if (!lookup(t, key)) {
            t.values.encode(0L, t.value);
        }
        long sum = t.values.addLong(t.value, delta);
        store(t);
        return sum;
    }

    @Override
    public synchronized boolean delete(String global, List<Object> key) {
        Table t = table(global);
        if (t == null) {
            return heap.delete(global, key);
        }
        if (t.scalar()) {
            clear(global);
            return true;
        }
        t.keys.encode(key, t.key);
        t.keyMem.write(0, t.key, 0, t.key.length);
        return bpf.delete(t.map.fd(), t.keyMem);
    }

    @Override
    public synchronized boolean contains(String global, List<Object> key) {
        Table t = table(global);
        if (t == null) {
            return heap.contains(global, key);
        }
        return lookup(t, key);
    }

    @Override
    public synchronized List<Entry> entries(String global) {
        Table t = table(global);
        if (t == null) {
            return heap.entries(global);
        }
        List<Entry> out = new ArrayList<>();
        MapReader.forEach(bpf, t.map, t.key.length, t.value.length, (keys, koff, vals, voff) ->
                out.add(new Entry(t.keys.decode(keys, koff), t.values.decode(vals, voff))));
        return out;
    }

    @Override
    public synchronized int size(String global) {
        Table t = table(global);
        if (t == null) {
            return heap.size(global);
        }
        if (t.scalar()) {
            return 1;
        }
        int[] n = new int[1];
        MapReader.forEach(bpf, t.map, t.key.length, t.value.length, (keys, koff, vals, voff) -> n[0]++);
        return n[0];
    }

    @Override
    public synchronized void clear(String global) {
        Table t = table(global);
        if (t == null) {
            heap.clear(global);
            return;
        }
        if (t.scalar()) {
            t.keys.encode(List.of(), t.key);
            t.keyMem.write(0, t.key, 0, t.key.length);
            if (t.def.kind() == MapDef.MapKind.ARRAY || t.def.kind() == MapDef.MapKind.PERCPU_ARRAY) {
                java.util.Arrays.fill(t.value, (byte) 0);
                store(t);
            } else {
                bpf.delete(t.map.fd(), t.keyMem); // a scalar statistic kept as a one-element hash
            }
            return;
        }
        for (byte[] k : t.map.keys()) {
            t.keyMem.write(0, k, 0, k.length);
            bpf.delete(t.map.fd(), t.keyMem);
        }
    }

    @Override
    public synchronized void statsAdd(String global, List<Object> key, long value) {
        Table t = table(global);
        if (t == null) {
            heap.statsAdd(global, key, value);
            return;
        }
        if (!lookup(t, key)) {
            java.util.Arrays.fill(t.value, (byte) 0);
        }
        t.values.addStat(t.value, value);
        store(t);
    }

    @Override
    public synchronized Stats stats(String global, List<Object> key) {
        Table t = table(global);
        if (t == null) {
            return heap.stats(global, key);
        }
        return lookup(t, key) ? t.values.decodeStats(t.value, 0) : null;
    }
}
