package io.jstap.compiler.exec;

import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.GlobalDecl;

import java.util.List;

/**
 * Storage of a module's globals, as the executor sees it. Every global is a map: a key is a
 * {@code List<Object>} of Long and String (empty for scalars), a value a Long or String, or for
 * statistics a {@link Stats} folded over all CPUs (folding per-CPU copies is the store's job).
 * Strings arrive already truncated to MAXSTRINGLEN-1 bytes.
 *
 * <p>Implementations: {@link HeapMapStore} in memory; the runtime's store over BPF maps.
 * Writes that would exceed the global's entry limit throw {@link MapFullException}.
 */
public interface MapStore {

    /** The declaration of a global this store holds; IllegalArgumentException if unknown. */
    GlobalDecl decl(String global);

    /** The value at {@code key}, or null when the element does not exist (scalars never set). */
    Object get(String global, List<Object> key);

    /** Creates or replaces an element. */
    void put(String global, List<Object> key, Object value);

    /** Adds {@code delta} to a long element (missing counts as 0) and returns the new value. */
    long add(String global, List<Object> key, long delta);

    /** Removes an element; false if it did not exist. */
    boolean delete(String global, List<Object> key);

    boolean contains(String global, List<Object> key);

    /** A snapshot of the elements in the store's order (insertion order for the heap store). */
    List<Entry> entries(String global);

    int size(String global);

    /** Removes every element (a scalar reads as 0 or "" again). */
    void clear(String global);

    /** {@code global[key] <<< value}. */
    void statsAdd(String global, List<Object> key, long value);

    /** The statistics at {@code key}, folded over CPUs, or null when nothing was added there. */
    Stats stats(String global, List<Object> key);

    /** One element: value is a Long, a String, or a {@link Stats}. */
    record Entry(List<Object> key, Object value) {
        public Entry {
            key = List.copyOf(key);
        }
    }
}
