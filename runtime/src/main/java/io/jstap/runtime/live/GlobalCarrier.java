package io.jstap.runtime.live;

import io.jstap.compiler.exec.HeapMapStore;
import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.format.Utf8;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.Module;
import io.jstap.linux.Bpf;
import io.jstap.runtime.maps.BpfMapStore;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the values of globals across reloads where the kernel maps alone do not: globals that only
 * userspace code uses live in one heap store for the whole session, and a global that moves between the
 * heap and a BPF map (a kernel probe starts or stops using it) has its elements copied over. Statistics
 * cannot be copied element by element; moving them drops their values, and the user is told.
 */
final class GlobalCarrier {

    private HeapMapStore heap;
    private RuntimeLimits heapLimits;
    private final Map<String, GlobalDecl> inHeap = new LinkedHashMap<>();

    GlobalCarrier(RuntimeLimits limits) {
        this.heap = new HeapMapStore(List.of(), limits);
        this.heapLimits = limits;
    }

    /** The names of the globals a module keeps in BPF maps. */
    static Set<String> kernelGlobals(Module m) {
        Set<String> out = new LinkedHashSet<>();
        for (MapDef d : m.maps()) {
            if (d.role() == MapDef.Role.GLOBAL && d.global() != null) {
                out.add(d.global().name());
            }
        }
        return out;
    }

    /**
     * Reads, before the old maps are closed, the elements of every global that leaves the kernel but stays
     * declared.
     */
    Map<String, List<MapStore.Entry>> leaving(Generation old, Set<String> nextKernel, Set<String> declared) {
        Map<String, List<MapStore.Entry>> out = new HashMap<>();
        if (old == null) {
            return out;
        }
        for (String g : kernelGlobals(old.module())) {
            if (!nextKernel.contains(g) && declared.contains(g)) {
                out.put(g, old.store().entries(g));
            }
        }
        return out;
    }

    /**
     * The next generation's store. {@code fresh} names the globals whose maps were just created (empty);
     * {@code leaving} holds what {@link #leaving} read. Notices about dropped values go to {@code notices}.
     */
    LiveStore build(Module m, KernelSet kernel, Bpf bpf, Set<String> declared, Set<String> fresh,
                    Map<String, List<MapStore.Entry>> leaving, Map<String, GlobalDecl> oldKernelDecls,
                    List<String> notices) {
        Set<String> nextKernel = kernelGlobals(m);
        if (!m.limits().equals(heapLimits)) {
            rebuildHeap(m.limits(), notices);
        }
        Map<String, List<MapStore.Entry>> entering = new HashMap<>();
        for (String g : nextKernel) {
            GlobalDecl was = inHeap.remove(g);
            if (was != null) {
                if (fresh.contains(g) && m.ir().global(g).map(d -> d.sameShape(was)).orElse(false)) {
                    entering.put(g, heap.entries(g));
                }
                heap.drop(g);
            }
        }
        for (GlobalDecl g : m.ir().globals()) {
            if (nextKernel.contains(g.name())) {
                continue;
            }
            heap.define(g);
            inHeap.put(g.name(), g);
            List<MapStore.Entry> moved = leaving.get(g.name());
            GlobalDecl before = oldKernelDecls.get(g.name());
            if (moved != null && before != null && before.sameShape(g)) {
                heap.clear(g.name());
                copy(g, moved, heap, notices);
            }
        }
        for (Map.Entry<String, List<MapStore.Entry>> e : leaving.entrySet()) {
            // declared, but no code of the new module mentions it: its values wait in the heap
            GlobalDecl before = oldKernelDecls.get(e.getKey());
            if (before != null && m.ir().global(e.getKey()).isEmpty() && !inHeap.containsKey(e.getKey())) {
                heap.define(before);
                heap.clear(before.name());
                inHeap.put(before.name(), before);
                copy(before, e.getValue(), heap, notices);
            }
        }
        for (String g : List.copyOf(inHeap.keySet())) {
            boolean inModule = m.ir().global(g).isPresent();
            if (!inModule && !declared.contains(g)) {
                heap.drop(g);
                inHeap.remove(g);
            }
        }
        LiveStore store = new LiveStore(new BpfMapStore(m, kernel.bpfMaps(), bpf), heap, nextKernel);
        for (Map.Entry<String, List<MapStore.Entry>> e : entering.entrySet()) {
            copy(m.ir().global(e.getKey()).orElseThrow(), e.getValue(), store, notices);
        }
        for (String g : fresh) {
            GlobalDecl d = m.ir().global(g).orElse(null);
            if (d != null && d.initialValue() != null && !entering.containsKey(g)) {
                store.put(g, List.of(), d.initialValue());
            }
        }
        return store;
    }

    private void rebuildHeap(RuntimeLimits limits, List<String> notices) {
        HeapMapStore next = new HeapMapStore(List.of(), limits);
        for (GlobalDecl g : inHeap.values()) {
            next.define(g);
            next.clear(g.name());
            List<MapStore.Entry> cut = new java.util.ArrayList<>();
            for (MapStore.Entry e : heap.entries(g.name())) {
                List<Object> key = new java.util.ArrayList<>();
                e.key().forEach(k -> key.add(truncate(k, limits)));
                cut.add(new MapStore.Entry(key, truncate(e.value(), limits)));
            }
            copy(g, cut, next, notices);
        }
        heap = next;
        heapLimits = limits;
    }

    /** Strings as a new MAXSTRINGLEN allows them. */
    private static Object truncate(Object v, RuntimeLimits limits) {
        return v instanceof String str ? Utf8.truncate(str, limits.maxStringBytes()) : v;
    }

    private static void copy(GlobalDecl g, List<MapStore.Entry> entries, MapStore to, List<String> notices) {
        int dropped = 0;
        for (MapStore.Entry e : entries) {
            if (e.value() instanceof Stats) {
                dropped++;
                continue;
            }
            try {
                to.put(g.name(), e.key(), e.value());
            } catch (RuntimeException ex) {
                dropped++;
            }
        }
        if (dropped > 0) {
            notices.add("global " + g.name() + " moved between kernel and userspace storage: " + dropped
                    + " of its " + entries.size() + " values could not be kept");
        }
    }

    /** Makes a global that no running code uses yet available to a statement (in the heap). */
    void defineForStatement(GlobalDecl g) {
        if (!inHeap.containsKey(g.name())) {
            heap.define(g);
            inHeap.put(g.name(), g);
        }
    }

    /** The heap store's globals (for {@code :globals}). */
    Map<String, GlobalDecl> heapGlobals() {
        return Map.copyOf(inHeap);
    }

    /** Forgets every heap global (for {@code :reset}). */
    void clear(RuntimeLimits limits) {
        heap = new HeapMapStore(List.of(), limits);
        heapLimits = limits;
        inHeap.clear();
    }

    HeapMapStore heap() {
        return heap;
    }
}
