package io.jstap.compiler.bpfgen;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.OutputRecord;
import io.jstap.compiler.module.StatsLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys, values and records as bytes: what the runtime reads back from kernel maps and the ring. */
class CodecTest {

    private static final RuntimeLimits SHORT = RuntimeLimits.DEFAULTS.withMaxStringLen(8);

    @Test
    void keysRoundTripThroughTheirFixedWidthFields() {
        Module m = Modules.module(List.of(array("a", IrType.LONG, IrType.STRING, IrType.LONG)), List.of(), SHORT,
                Modules.body(List.of(), p("x\n")));
        MapDef d = m.map("a").orElseThrow();
        byte[] key = MapCodec.encodeKey(d, List.of("h\u00e9llo world", -2L));
        // "héllo w" is 8 bytes: cut to 7 between characters, NUL padded
        assertArrayEquals(new byte[] {'h', (byte) 0xc3, (byte) 0xa9, 'l', 'l', 'o', ' ', 0,
            -2, -1, -1, -1, -1, -1, -1, -1}, key);
        assertEquals(List.of("h\u00e9llo ", -2L), MapCodec.decodeKey(d, key));
    }

    @Test
    void perCpuLongsAreSummed() {
        Module m = Modules.module(List.of(scalar("n", IrType.LONG)), s(inc(gvar("n", IrType.LONG))));
        MapDef d = m.map("n").orElseThrow();
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(5).putLong(-1).putLong(10);
        assertEquals(14L, MapCodec.decodeValue(d, b.array()));
        byte[] encoded = MapCodec.encodeValue(d, 7L, 3);
        assertEquals(7L, MapCodec.decodeValue(d, encoded));
        assertEquals(24, encoded.length);
    }

    @Test
    void statisticsFoldPerCpuAccumulators() {
        GlobalDecl g = GlobalDecl.stats("s", List.of(), HistogramSpec.LOG, L0);
        Module m = Modules.module(List.of(g), p("x\n"));
        MapDef d = m.map("s").orElseThrow();
        Stats cpu0 = new Stats(HistogramSpec.LOG, 0);
        Stats cpu1 = new Stats(HistogramSpec.LOG, 0);
        long[] values0 = {1, 5, -3};
        long[] values1 = {100, 0};
        int slot = MapCodec.perCpuSlot(d);
        ByteBuffer b = ByteBuffer.allocate(3 * slot).order(ByteOrder.LITTLE_ENDIAN);
        write(b, 0, values0, cpu0);
        // CPU 1 holds nothing: count 0
        write(b, 2 * slot, values1, cpu1);
        Stats folded = (Stats) MapCodec.decodeValue(d, b.array());
        Stats expected = Stats.aggregate(List.of(cpu0, cpu1));
        assertEquals(expected.count(), folded.count());
        assertEquals(expected.sum(), folded.sum());
        assertEquals(expected.min(), folded.min());
        assertEquals(expected.max(), folded.max());
        assertEquals(expected.variance(), folded.variance());
        assertArrayEquals(expected.buckets(), folded.buckets());
        assertNull(MapCodec.decodeValue(d, new byte[3 * slot]));
    }

    /** A CPU's accumulator laid out as kernel code leaves it after adding {@code values}. */
    private static void write(ByteBuffer b, int base, long[] values, Stats s) {
        long count = 0, sum = 0, min = 0, max = 0, avgS = 0, m2 = 0, varS = 0;
        long[] buckets = new long[HistogramSpec.LOG_BUCKETS];
        for (long v : values) {
            s.add(v);
            if (count == 0) {
                count = 1; sum = v; min = v; max = v; avgS = v; m2 = 0;
            } else {
                count++; sum += v; max = Math.max(max, v); min = Math.min(min, v);
                int delta = (int) (v - avgS);
                avgS += delta / count;
                m2 += delta * (v - avgS);
                varS = m2 / (count - 1);
            }
            buckets[HistogramSpec.LOG.bucketOf(v)]++;
        }
        b.putLong(base + StatsLayout.COUNT, count).putLong(base + StatsLayout.SUM, sum)
                .putLong(base + StatsLayout.MIN, min).putLong(base + StatsLayout.MAX, max)
                .putLong(base + StatsLayout.AVG_S, avgS).putLong(base + StatsLayout.M2, m2)
                .putLong(base + StatsLayout.VARIANCE_S, varS);
        for (int i = 0; i < buckets.length; i++) {
            b.putLong(base + new StatsLayout(buckets.length).bucketOffset(i), buckets[i]);
        }
    }

    @Test
    void recordsDecodeToTheirText() {
        Module m = Modules.module(List.of(), List.of(), SHORT, Modules.body(List.of(lv("z", IrType.LONG, 0)),
                p("%s=%d\n", str("k"), num(1)), s(bin(BinOp.DIV, num(1), ref(lv("z", IrType.LONG, 0)), at(2, 3)))));
        OutputRecord printf = m.records().get(0);
        ByteBuffer b = ByteBuffer.allocate(printf.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, OutputRecord.Kind.PRINTF.ordinal()).putInt(4, 0);
        b.put(8, "k\u00e9y".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        b.putLong(16, -42);
        RecordDecoder.Decoded d = RecordDecoder.decode(m.records(), b.array());
        assertEquals(List.of("k\u00e9y", -42L), d.args());
        assertEquals("k\u00e9y=-42\n", d.text());
        byte[] err = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(OutputRecord.Kind.ERROR.ordinal()).putInt(1).array();
        assertEquals("division by 0 near operator '/' at t.stp:2:3", RecordDecoder.decode(m.records(), err).text());
    }
}
