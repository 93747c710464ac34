package io.jstap.runtime.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.StatsLayout;
import io.jstap.runtime.session.Modules;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

    @Test
    void perCpuLongsAreSummedAndWritesGoToCpuZero() {
        ValueCodec c = new ValueCodec(Modules.scalar("n", IrType.LONG, true), 4);
        assertEquals(32, c.bufferSize());
        byte[] buf = new byte[32];
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 5).putLong(8, 7).putLong(16, -2).putLong(24, 100);
        assertEquals(110L, c.decode(buf, 0));
        assertEquals(111L, c.addLong(buf, 1));
        assertEquals(6, b.getLong(0));
        c.encode(42L, buf);
        assertEquals(List.of(42L, 0L, 0L, 0L), List.of(b.getLong(0), b.getLong(8), b.getLong(16), b.getLong(24)));
    }

    @Test
    void stringsAreNulTerminated() {
        ValueCodec c = new ValueCodec(Modules.scalar("s", IrType.STRING, false), 2);
        byte[] buf = new byte[c.bufferSize()];
        Arrays.fill(buf, (byte) 'x');
        c.encode("hi", buf);
        assertEquals('h', buf[0]);
        assertEquals(0, buf[2]);
        assertEquals(0, buf[127]);
        assertEquals("hi", c.decode(buf, 0));
    }

    /** Per-CPU statistics fold like stap's: the same as one stap accumulator per CPU, @variance included. */
    @Test
    void perCpuStatisticsFoldAsStapFolds() {
        MapDef def = Modules.stats("lat", HistogramSpec.LOG, true);
        ValueCodec c = new ValueCodec(def, 2);
        int slot = (new StatsLayout(128).size() + 7) & ~7;
        assertEquals(2 * slot, c.bufferSize());
        byte[] buf = new byte[c.bufferSize()];
        assertNull(c.decodeStats(buf, 0));
        long[] cpu0 = {1, 2, 3, 4, 100};
        long[] cpu1 = {-5, 7, 7};
        byte[] one = new byte[slot];
        for (long v : cpu0) {
            c.addStat(buf, v);
        }
        for (long v : cpu1) {
            c.addStat(one, v);
        }
        System.arraycopy(one, 0, buf, slot, slot);
        Stats s0 = new Stats(HistogramSpec.LOG, 0);
        Stats s1 = new Stats(HistogramSpec.LOG, 0);
        Arrays.stream(cpu0).forEach(s0::add);
        Arrays.stream(cpu1).forEach(s1::add);
        Stats expected = Stats.aggregate(List.of(s0, s1));
        Stats got = c.decodeStats(buf, 0);
        assertEquals(2, got.cpuParts());
        assertEquals(expected.count(), got.count());
        assertEquals(expected.sum(), got.sum());
        assertEquals(-5, got.min());
        assertEquals(100, got.max());
        assertEquals(expected.avg(), got.avg());
        // stap's integer Welford state per CPU, folded: the same rounding as stap's @variance
        assertEquals(expected.variance(), got.variance());
        // cpu0: mean_s 20, variance_s 1983; cpu1: 3, 48; overall mean 14:
        // (5*6*6 + 3*11*11 + 4*1983 + 2*48) / 7 = 8571 / 7 = 1224
        assertEquals(1224, got.variance());
        assertEquals(Arrays.toString(expected.buckets()), Arrays.toString(got.buckets()));
    }
}
