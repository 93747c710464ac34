package io.jstap.compiler.exec;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapMapStoreTest {

    private final GlobalDecl a = array("a", IrType.STRING, IrType.LONG, IrType.STRING).withMaxEntries(2);
    private final GlobalDecl w = array("w", IrType.LONG, IrType.LONG).withMaxEntries(2).withWrap(true);
    private final GlobalDecl s = GlobalDecl.stats("s", List.of(IrType.LONG), HistogramSpec.LOG, L0);
    private final GlobalDecl x = scalar("x", IrType.LONG).withInitialValue(9L);
    private final HeapMapStore store = new HeapMapStore(List.of(a, w, s, x), RuntimeLimits.DEFAULTS);

    @Test
    void putGetContainsDelete() {
        store.put("a", List.of(1L, "k"), "v");
        assertEquals("v", store.get("a", List.of(1L, "k")));
        assertTrue(store.contains("a", List.of(1L, "k")));
        assertNull(store.get("a", List.of(2L, "k")));
        assertTrue(store.delete("a", List.of(1L, "k")));
        assertFalse(store.delete("a", List.of(1L, "k")));
        assertEquals(0, store.size("a"));
    }

    @Test
    void fullArrayRejectsNewKeysOnly() {
        store.put("a", List.of(1L, "k"), "1");
        store.put("a", List.of(2L, "k"), "2");
        MapFullException e = assertThrows(MapFullException.class, () -> store.put("a", List.of(3L, "k"), "3"));
        assertEquals(2, e.limit());
        store.put("a", List.of(2L, "k"), "two");
        assertEquals(List.of(new MapStore.Entry(List.of(1L, "k"), "1"), new MapStore.Entry(List.of(2L, "k"), "two")),
                store.entries("a"));
    }

    @Test
    void wrappingArrayEvictsTheOldest() {
        assertEquals(1, store.add("w", List.of(1L), 1));
        assertEquals(1, store.add("w", List.of(2L), 1));
        assertEquals(2, store.add("w", List.of(1L), 1));
        assertEquals(1, store.add("w", List.of(3L), 1));
        assertEquals(List.of(new MapStore.Entry(List.of(2L), 1L), new MapStore.Entry(List.of(3L), 1L)), store.entries("w"));
    }

    @Test
    void scalarsStartFromTheirInitialiserAndClearToNothing() {
        assertEquals(9L, store.get("x", List.of()));
        assertEquals(10, store.add("x", List.of(), 1));
        store.clear("x");
        assertNull(store.get("x", List.of()));
    }

    @Test
    void statisticsAreReadAsSnapshots() {
        store.statsAdd("s", List.of(1L), 4);
        Stats snap = store.stats("s", List.of(1L));
        store.statsAdd("s", List.of(1L), 6);
        assertEquals(1, snap.count());
        assertEquals(2, store.stats("s", List.of(1L)).count());
        assertEquals(10, store.stats("s", List.of(1L)).sum());
        assertEquals(HistogramSpec.LOG, store.stats("s", List.of(1L)).histogram());
        assertNull(store.stats("s", List.of(2L)));
        assertEquals(1, store.entries("s").size());
    }

    @Test
    void keysAndValuesAreTypeChecked() {
        assertThrows(IllegalArgumentException.class, () -> store.put("a", List.of("1", "k"), "v"));
        assertThrows(IllegalArgumentException.class, () -> store.put("a", List.of(1L), "v"));
        assertThrows(IllegalArgumentException.class, () -> store.put("a", List.of(1L, "k"), 5L));
        assertThrows(IllegalArgumentException.class, () -> store.get("nope", List.of()));
        assertThrows(IllegalArgumentException.class, () -> store.statsAdd("a", List.of(1L, "k"), 1));
    }

    @Test
    void redefiningKeepsValuesOfUnchangedShapesOnly() {
        store.put("a", List.of(1L, "k"), "kept");
        store.add("w", List.of(1L), 5);
        assertTrue(store.define(array("a", IrType.STRING, IrType.LONG, IrType.STRING).withMaxEntries(2)));
        assertFalse(store.define(array("w", IrType.LONG, IrType.LONG)));
        assertEquals("kept", store.get("a", List.of(1L, "k")));
        assertEquals(0, store.size("w"));
        store.drop("w");
        assertThrows(IllegalArgumentException.class, () -> store.size("w"));
    }
}
