package io.jstap.runtime.live;

import io.jstap.compiler.exec.HeapMapStore;
import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.runtime.maps.BpfMapStore;
import java.util.List;
import java.util.Set;

/**
 * The session's globals as one {@link MapStore}: those a kernel probe uses in their BPF maps, the others in
 * a heap store the session keeps across reloads (so a global only userspace code touches keeps its values
 * too). Which is which follows the running module.
 */
final class LiveStore implements MapStore {

    private final BpfMapStore kernel;
    private final HeapMapStore heap;
    private final Set<String> inKernel;

    LiveStore(BpfMapStore kernel, HeapMapStore heap, Set<String> inKernel) {
        this.kernel = kernel;
        this.heap = heap;
        this.inKernel = Set.copyOf(inKernel);
    }

    private MapStore of(String global) {
        return inKernel.contains(global) ? kernel : heap;
    }

    /** True when the global lives in a BPF map. */
    boolean inKernel(String global) {
        return inKernel.contains(global);
    }

    /** True when the store holds the global at all. */
    boolean holds(String global) {
        if (inKernel.contains(global)) {
            return true;
        }
        try {
            heap.decl(global);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public GlobalDecl decl(String global) {
        return of(global).decl(global);
    }

    @Override
    public Object get(String global, List<Object> key) {
        return of(global).get(global, key);
    }

    @Override
    public void put(String global, List<Object> key, Object value) {
        of(global).put(global, key, value);
    }

    @Override
    public long add(String global, List<Object> key, long delta) {
        return of(global).add(global, key, delta);
    }

    @Override
    public boolean delete(String global, List<Object> key) {
        return of(global).delete(global, key);
    }

    @Override
    public boolean contains(String global, List<Object> key) {
        return of(global).contains(global, key);
    }

    @Override
    public List<Entry> entries(String global) {
        return of(global).entries(global);
    }

    @Override
    public int size(String global) {
        return of(global).size(global);
    }

    @Override
    public void clear(String global) {
        of(global).clear(global);
    }

    @Override
    public void statsAdd(String global, List<Object> key, long value) {
        of(global).statsAdd(global, key, value);
    }

    @Override
    public Stats stats(String global, List<Object> key) {
        return of(global).stats(global, key);
    }
}
