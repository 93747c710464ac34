package io.jstap.compiler.bpfgen;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.MapDef.KeyField;
import io.jstap.compiler.module.MapDef.MapKind;
import io.jstap.compiler.module.MapDef.Role;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.StatsLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapPlanningTest {

    private static MapDef map(Module m, String name) {
        return m.map(name).orElseThrow();
    }

    @Test
    void counterOnlyIncrementedInTheKernelIsPerCpu() {
        Module m = Modules.module(List.of(scalar("n", IrType.LONG), array("byKey", IrType.LONG, IrType.LONG)),
                s(inc(gvar("n", IrType.LONG))), s(assign(elem("byKey", IrType.LONG, num(1)), AssignOp.SUB, num(3))));
        assertEquals(MapKind.PERCPU_ARRAY, map(m, "n").kind());
        assertEquals(MapKind.PERCPU_HASH, map(m, "byKey").kind());
        assertTrue(map(m, "n").isScalar());
        assertEquals(1, map(m, "n").maxEntries());
    }

    @Test
    void aValueUsedInTheKernelKeepsTheMapShared() {
        // y = n++ reads n; m[1]++ in an expression reads m; x *= 2 is not an addition
        Module m = Modules.module(List.of(scalar("n", IrType.LONG), scalar("x", IrType.LONG), scalar("y", IrType.LONG),
                        array("m", IrType.LONG, IrType.LONG)),
                s(set(gvar("y", IrType.LONG), inc(gvar("n", IrType.LONG)))),
                s(assign(gvar("x", IrType.LONG), AssignOp.MUL, num(2))),
                s(set(gvar("y", IrType.LONG), bin(io.jstap.compiler.ir.Ops.BinOp.ADD, inc(elem("m", IrType.LONG, num(1))), num(0)))));
        assertEquals(MapKind.ARRAY, map(m, "n").kind());
        assertEquals(MapKind.ARRAY, map(m, "x").kind());
        assertEquals(MapKind.HASH, map(m, "m").kind());
    }

    @Test
    void keysAreFixedWidthFields() {
        Module m = Modules.module(List.of(array("a", IrType.STRING, IrType.STRING, IrType.LONG, IrType.STRING)),
                s(set(elem("a", IrType.STRING, str("x"), num(1), str("y")), str("v"))));
        MapDef d = map(m, "a");
        assertEquals(List.of(new KeyField(IrType.STRING, 0, 128), new KeyField(IrType.LONG, 128, 8),
                new KeyField(IrType.STRING, 136, 128)), d.keyFields());
        assertEquals(264, d.keySize());
        assertEquals(MapDef.ValueLayout.ofString(128), d.value());
        assertEquals(RuntimeLimits.DEFAULT_MAXMAPENTRIES, d.maxEntries());
        assertEquals(Role.GLOBAL, d.role());
    }

    @Test
    void statisticsArePerCpuWithTheirHistogram() {
        Module m = Modules.module(List.of(stats("lat", HistogramSpec.LOG), stats("byName", HistogramSpec.linear(0, 100, 10), IrType.STRING)));
        MapDef lat = map(m, "lat");
        assertEquals(MapKind.PERCPU_HASH, lat.kind());
        assertEquals(4, lat.keySize());
        assertEquals(1, lat.maxEntries());
        assertEquals(new StatsLayout(128), lat.value().stats());
        assertEquals(StatsLayout.BUCKETS + 128 * 8, lat.valueSize());
        MapDef byName = map(m, "byName");
        assertEquals(MapKind.PERCPU_HASH, byName.kind());
        assertEquals(13, byName.value().stats().buckets());
    }

    private static GlobalDecl stats(String name, HistogramSpec h, IrType... keys) {
        return GlobalDecl.stats(name, List.of(keys), h, L0);
    }

    @Test
    void wrappingAndSizedArrays() {
        Module m = Modules.module(List.of(array("w", IrType.LONG, IrType.LONG).withWrap(true),
                array("sized", IrType.LONG, IrType.LONG).withMaxEntries(10)));
        assertEquals(MapKind.LRU_HASH, map(m, "w").kind());
        assertEquals(MapKind.HASH, map(m, "sized").kind());
        assertEquals(10, map(m, "sized").maxEntries());
    }

    @Test
    void internalMapsComeWithKernelProbes() {
        Module m = Modules.module(List.of(), p("hi\n"));
        assertEquals(MapKind.PERCPU_ARRAY, m.mapOfRole(Role.SCRATCH).orElseThrow().kind());
        MapDef ring = m.mapOfRole(Role.OUTPUT).orElseThrow();
        assertEquals(MapKind.RINGBUF, ring.kind());
        assertEquals(1, Integer.bitCount(ring.maxEntries()));
        assertEquals(MapKind.PERCPU_ARRAY, m.mapOfRole(Role.COUNTERS).orElseThrow().kind());
        MapDef config = m.mapOfRole(Role.CONFIG).orElseThrow();
        assertEquals(MapKind.ARRAY, config.kind());
        assertEquals(MapDef.CONFIG_SIZE, config.valueSize());
        assertNull(config.global());

        IrProgram noKernel = new IrProgram(List.of(scalar("x", IrType.LONG)), List.of(), List.of());
        Module userOnly = ModuleBuilder.build(noKernel, List.of(), List.of(), RuntimeLimits.DEFAULTS);
        assertFalse(userOnly.mapOfRole(Role.OUTPUT).isPresent());
        assertEquals(List.of("x"), userOnly.maps().stream().map(MapDef::name).toList());
    }

    @Test
    void keysLargerThanTheBpfLimitAreRejected() {
        GlobalDecl big = array("big", IrType.LONG, IrType.STRING, IrType.STRING, IrType.STRING, IrType.STRING,
                IrType.STRING);
        CodegenException e = assertThrows(CodegenException.class,
                () -> Modules.module(List.of(big), p("x\n")));
        assertEquals("the keys of global big take 640 bytes, more than the 512 a BPF map allows (lower MAXSTRINGLEN)",
                e.getMessage());
        assertEquals(L0, e.loc());
    }
}
