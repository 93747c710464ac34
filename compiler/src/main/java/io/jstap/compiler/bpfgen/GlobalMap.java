package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.GlobalKind;
import io.jstap.compiler.module.MapDef;

/** The map of one global as the code generator addresses it. */
record GlobalMap(GlobalDecl decl, MapDef def, MapRef ref) {

    /** Each CPU has its own copy of every value: plain read-modify-writes are exact. */
    boolean perCpu() {
        return def.perCpu();
    }

    /** A one-entry ARRAY: kernel code takes its value's address directly, no lookup needed. */
    boolean direct() {
        return def.kind() == MapDef.MapKind.ARRAY;
    }

    /** Addressed by a u32 0 key (scalars and scalar statistics). */
    boolean scalarKey() {
        return def.keyFields().isEmpty();
    }

    boolean stats() {
        return decl.kind() == GlobalKind.STATS;
    }

    /** Inserting a new element can fail because the map is full (LRU maps evict instead). */
    boolean canOverflow() {
        MapDef.MapKind k = def.kind();
        return k == MapDef.MapKind.HASH || k == MapDef.MapKind.PERCPU_HASH;
    }

    String name() {
        return decl.name();
    }
}
