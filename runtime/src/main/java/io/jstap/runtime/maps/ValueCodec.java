package io.jstap.runtime.maps;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.format.Utf8;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.StatsLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of a global's map values. A per-CPU map's value buffer holds one 8-byte-aligned slot per
 * possible CPU: longs are summed and statistics folded on read, and a userspace write puts the value
 * on CPU 0's slot and zero on the others, so the sum is the written value.
 */
public final class ValueCodec {

    private static final VarHandle S64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String name;
    private final MapDef.ValueLayout layout;
    private final int stride;
    private final int slots;
    private final HistogramSpec histogram;
    private final int bitShift;

    /** {@code possibleCpus} is the slot count of per-CPU values (see {@code Cpus.possibleCount()}). */
    public ValueCodec(MapDef def, int possibleCpus) {
        this.name = def.name();
        this.layout = def.value();
        this.slots = def.perCpu() ? possibleCpus : 1;
        this.stride = def.perCpu() ? (def.valueSize() + 7) & ~7 : def.valueSize();
        GlobalDecl g = def.global();
        this.histogram = g == null ? HistogramSpec.NONE : g.histogram();
        this.bitShift = g == null ? 0 : g.varianceShift();
        if (layout.size() > def.valueSize()) {
            throw new IllegalArgumentException("map " + name + ": a " + layout.kind() + " value of " + layout.size()
                    + " bytes does not fit its " + def.valueSize() + "-byte value");
        }
        if (layout.kind() == MapDef.ValueLayout.Kind.STATS && layout.stats().buckets() != histogram.buckets()) {
            throw new IllegalArgumentException("map " + name + ": " + layout.stats().buckets()
                    + " histogram buckets in the map, " + histogram.buckets() + " in the global's histogram");
        }
    }

    /** Bytes a lookup fills. */
    public int bufferSize() {
        return stride * slots;
    }

    public MapDef.ValueLayout.Kind kind() {
        return layout.kind();
    }

    /** The value at {@code buf[off, off + bufferSize)}: a Long, a String, or Stats (possibly empty). */
    public Object decode(byte[] buf, int off) {
        switch (layout.kind()) {
            case LONG:
                return decodeLong(buf, off);
            case STRING:
                return decodeString(buf, off);
            case STATS:
                Stats s = decodeStats(buf, off);
                return s == null ? new Stats(histogram, bitShift) : s;
            default:
                throw new IllegalStateException("map " + name + " holds raw values");
        }
    }

    /** The sum over CPUs of the s64 value. */
    public long decodeLong(byte[] buf, int off) {
        long sum = 0;
        for (int c = 0; c < slots; c++) {
            sum += (long) S64.get(buf, off + c * stride);
        }
        return sum;
    }

    /** The string of CPU 0's slot (strings are never per-CPU in practice). */
    public String decodeString(byte[] buf, int off) {
        return KeyCodec.cString(buf, off, layout.size());
    }

    /** The statistics folded over CPUs (stap's fold of each CPU's {@code stat_data}), or null when empty. */
    public Stats decodeStats(byte[] buf, int off) {
        StatsLayout sl = layout.stats();
        List<Stats> parts = new ArrayList<>(slots);
        for (int c = 0; c < slots; c++) {
            int base = off + c * stride;
            long count = (long) S64.get(buf, base + StatsLayout.COUNT);
            if (count == 0) {
                continue;
            }
            long[] buckets = new long[sl.buckets()];
            for (int b = 0; b < buckets.length; b++) {
                buckets[b] = (long) S64.get(buf, base + sl.bucketOffset(b));
            }
            parts.add(Stats.ofCpu(histogram, bitShift, count, (long) S64.get(buf, base + StatsLayout.SUM),
                    (long) S64.get(buf, base + StatsLayout.MIN), (long) S64.get(buf, base + StatsLayout.MAX),
                    (long) S64.get(buf, base + StatsLayout.AVG_S), (long) S64.get(buf, base + StatsLayout.M2),
                    (long) S64.get(buf, base + StatsLayout.VARIANCE_S), buckets));
        }
        return parts.isEmpty() ? null : Stats.aggregate(parts);
    }

    /** Writes {@code value} on CPU 0's slot and zeroes everything else. */
    public void encode(Object value, byte[] buf) {
        Arrays.fill(buf, 0, bufferSize(), (byte) 0);
        switch (layout.kind()) {
            case LONG:
                if (!(value instanceof Long l)) {
                    throw new IllegalArgumentException(name + " holds long values, got " + value);
                }
                S64.set(buf, 0, (long) l);
                break;
            case STRING:
                if (!(value instanceof String s)) {
                    throw new IllegalArgumentException(name + " holds string values, got " + value);
                }
                byte[] b = Utf8.encode(Utf8.truncate(s, layout.size() - 1));
                System.arraycopy(b, 0, buf, 0, b.length);
                break;
            default:
                throw new IllegalArgumentException(name + " holds " + layout.kind() + " values; they cannot be assigned");
        }
    }

    /** Adds {@code delta} to CPU 0's slot of a long value; returns the new sum over CPUs. */
    public long addLong(byte[] buf, long delta) {
        if (layout.kind() != MapDef.ValueLayout.Kind.LONG) {
            throw new IllegalArgumentException(name + " does not hold longs");
        }
        S64.set(buf, 0, (long) S64.get(buf, 0) + delta);
        return decodeLong(buf, 0);
    }

    /**
     * {@code <<< value} into CPU 0's slot, as stap's {@code __stp_stat_add} (and the kernel code) does:
     * count, sum, extremes, the Welford running mean and deviations with stap's 32-bit delta, the bucket.
     */
    public void addStat(byte[] buf, long value) {
        if (layout.kind() != MapDef.ValueLayout.Kind.STATS) {
            throw new IllegalArgumentException(name + " is not statistics");
        }
        long count = (long) S64.get(buf, StatsLayout.COUNT);
        long scaled = value << bitShift;
        if (count == 0) {
            S64.set(buf, StatsLayout.COUNT, 1L);
            S64.set(buf, StatsLayout.SUM, value);
            S64.set(buf, StatsLayout.MIN, value);
            S64.set(buf, StatsLayout.MAX, value);
            S64.set(buf, StatsLayout.AVG_S, scaled);
            S64.set(buf, StatsLayout.M2, 0L);
        } else {
            count++;
            S64.set(buf, StatsLayout.COUNT, count);
            S64.set(buf, StatsLayout.SUM, (long) S64.get(buf, StatsLayout.SUM) + value);
            S64.set(buf, StatsLayout.MIN, Math.min(value, (long) S64.get(buf, StatsLayout.MIN)));
            S64.set(buf, StatsLayout.MAX, Math.max(value, (long) S64.get(buf, StatsLayout.MAX)));
            long avgS = (long) S64.get(buf, StatsLayout.AVG_S);
            int delta = (int) (scaled - avgS);
            avgS += div64(delta, count);
            long m2 = (long) S64.get(buf, StatsLayout.M2) + delta * (scaled - avgS);
            S64.set(buf, StatsLayout.AVG_S, avgS);
            S64.set(buf, StatsLayout.M2, m2);
            S64.set(buf, StatsLayout.VARIANCE_S, div64(m2, count - 1));
        }
        int bucket = histogram.bucketOf(value);
        if (bucket >= 0) {
            int at = layout.stats().bucketOffset(bucket);
            S64.set(buf, at, (long) S64.get(buf, at) + 1);
        }
    }

    /** An empty statistic of this global's shape. */
    public Stats emptyStats() {
        return new Stats(histogram, bitShift);
    }

    /** stap's {@code _stp_div64}: truncation toward zero, 0 for a zero divisor. */
    private static long div64(long x, long y) {
        return y == 0 ? 0 : y == -1 ? -x : x / y;
    }
}
