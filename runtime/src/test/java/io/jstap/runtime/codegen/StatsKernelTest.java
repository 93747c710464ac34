package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsKernelTest extends CodegenKernelTest {

    @Test
    void statisticsMatchTheInterpretersAccumulator() {
        // v runs 0, -3, 6, -9, ... : s <<< v, and a log histogram of the same values
        LocalVar v = lv("v", IrType.LONG, 0);
        LoadedModule m = load(List.of(scalar("k", IrType.LONG), stats("s", HistogramSpec.LOG),
                        stats("byKey", HistogramSpec.linear(0, 100, 10), IrType.STRING)),
                probe(List.of(v),
                        s(set(ref(v), bin(BinOp.MUL, gvar("k", IrType.LONG), num(3)))),
                        ifs(cmp(io.jstap.compiler.ir.Ops.CmpOp.EQ, bin(BinOp.MOD, gvar("k", IrType.LONG), num(2)), num(1)),
                                s(set(ref(v), bin(BinOp.SUB, num(0), ref(v)))), null),
                        s(assign(gvar("k", IrType.LONG), AssignOp.ADD, num(1))),
                        s(statsAdd(gvar("s", IrType.STATS), ref(v))),
                        s(statsAdd(elem("byKey", IrType.STATS, str("a")), bin(BinOp.MUL, ref(v), ref(v))))));
        getppid(50);
        Stats expected = new Stats(HistogramSpec.LOG, 0);
        Stats expectedLinear = new Stats(HistogramSpec.linear(0, 100, 10), 0);
        for (long k = 0; k < 50; k++) {
            long val = k % 2 == 1 ? -3 * k : 3 * k;
            expected.add(val);
            expectedLinear.add(val * val);
        }
        Stats s = m.stats("s");
        assertEquals(expected.count(), s.count());
        assertEquals(expected.sum(), s.sum());
        assertEquals(expected.min(), s.min());
        assertEquals(expected.max(), s.max());
        assertEquals(expected.avg(), s.avg());
        assertEquals(expected.variance(), s.variance());
        assertArrayEquals(expected.buckets(), s.buckets());
        Stats lin = m.stats("byKey", "a");
        assertEquals(expectedLinear.count(), lin.count());
        assertEquals(expectedLinear.variance(), lin.variance());
        assertArrayEquals(expectedLinear.buckets(), lin.buckets());
    }
}
