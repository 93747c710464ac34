package io.jstap.runtime.live;

import io.jstap.compiler.module.MapDef;
import io.jstap.runtime.kernel.BpfMap;

/** A map of the running module with the definition it was created for. */
record LiveMap(MapDef def, BpfMap map) {

    /**
     * True when a map made for {@code a} can serve {@code b} with its contents as they are: the same kernel
     * shape and layout and, for a global, the same declared shape (types, keys, size, histogram).
     */
    static boolean sameShape(MapDef a, MapDef b) {
        if (a.kind() != b.kind() || a.keySize() != b.keySize() || a.valueSize() != b.valueSize()
                || a.maxEntries() != b.maxEntries() || a.role() != b.role() || !a.keyFields().equals(b.keyFields())
                || !a.value().equals(b.value())) {
            return false;
        }
        if (a.global() == null || b.global() == null) {
            return a.global() == b.global();
        }
        return a.global().sameShape(b.global());
    }
}
