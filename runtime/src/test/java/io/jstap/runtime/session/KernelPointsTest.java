package io.jstap.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.ProgKind;
import io.jstap.linux.MapType;
import io.jstap.linux.ProgType;
import org.junit.jupiter.api.Test;

/** Every kind the compiler can emit has the kernel type of the same name (a new kind without one fails here). */
class KernelPointsTest {

    @Test
    void everyMapKindHasItsKernelType() {
        for (MapDef.MapKind k : MapDef.MapKind.values()) {
            assertEquals(k.name(), KernelPoints.mapType(k).name());
        }
        assertEquals(MapType.LRU_PERCPU_HASH, KernelPoints.mapType(MapDef.MapKind.LRU_PERCPU_HASH));
    }

    @Test
    void everyProgramKindHasItsKernelType() {
        for (ProgKind k : ProgKind.values()) {
            assertEquals(k.name(), KernelPoints.progType(k).name());
        }
        assertEquals(ProgType.RAW_TRACEPOINT, KernelPoints.progType(ProgKind.RAW_TRACEPOINT));
    }
}
