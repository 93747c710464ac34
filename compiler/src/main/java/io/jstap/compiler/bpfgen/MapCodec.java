package io.jstap.compiler.bpfgen;

import io.jstap.compiler.format.Stats;
import io.jstap.compiler.format.Utf8;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.MapDef.KeyField;
import io.jstap.compiler.module.StatsLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Keys and values of global maps as bytes, in the layout kernel code uses ({@link MapDef}): keys are
 * fixed-width fields (s64, or MAXSTRINGLEN zero-padded UTF-8 bytes); values are an s64, a zero-padded
 * string or a {@link StatsLayout}. Values of per-CPU maps hold one 8-byte-aligned slot per possible CPU
 * and are folded here: longs summed, statistics aggregated as stap does.
 */
public final class MapCodec {

    private MapCodec() {
    }

    /** The key bytes of {@code key} (Longs and Strings, one per field; empty for scalars: the u32 0). */
    public static byte[] encodeKey(MapDef d, List<Object> key) {
        if (d.keyFields().isEmpty()) {
            return new byte[d.keySize()];
        }
        if (key.size() != d.keyFields().size()) {
            throw new IllegalArgumentException(d.name() + " takes " + d.keyFields().size() + " keys, got " + key.size());
        }
        ByteBuffer b = ByteBuffer.allocate(d.keySize()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < key.size(); i++) {
            KeyField f = d.keyFields().get(i);
            if (f.type() == IrType.STRING) {
                byte[] s = Utf8.encode(Utf8.truncate((String) key.get(i), f.size() - 1));
                b.put(f.offset(), s, 0, s.length);
            } else {
                b.putLong(f.offset(), (Long) key.get(i));
            }
        }
        return b.array();
    }

    public static List<Object> decodeKey(MapDef d, byte[] key) {
        ByteBuffer b = ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN);
        List<Object> out = new ArrayList<>(d.keyFields().size());
        for (KeyField f : d.keyFields()) {
            out.add(f.type() == IrType.STRING ? RecordDecoder.cString(b, f.offset(), f.size()) : (Object) b.getLong(f.offset()));
        }
        return out;
    }

    /** Bytes of one CPU's slot in a per-CPU value buffer. */
    public static int perCpuSlot(MapDef d) {
        return (d.valueSize() + 7) & ~7;
    }

    /**
     * The value: a Long (per-CPU copies summed), a String, or {@link Stats} folded over CPUs (null when
     * no CPU holds a value).
     */
    public static Object decodeValue(MapDef d, byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        int cpus = d.perCpu() ? value.length / perCpuSlot(d) : 1;
        int slot = d.perCpu() ? perCpuSlot(d) : 0;
        switch (d.value().kind()) {
            case LONG: {
                long sum = 0;
                for (int c = 0; c < cpus; c++) {
                    sum += b.getLong(c * slot);
                }
                return sum;
            }
            case STRING:
                return RecordDecoder.cString(b, 0, d.valueSize());
            case STATS:
                return stats(d, b, cpus, slot);
            default:
                throw new IllegalArgumentException("map " + d.name() + " holds no script values");
        }
    }

    private static Stats stats(MapDef d, ByteBuffer b, int cpus, int slot) {
        StatsLayout layout = d.value().stats();
        List<Stats> parts = new ArrayList<>();
        for (int c = 0; c < cpus; c++) {
            int base = c * slot;
            long count = b.getLong(base + StatsLayout.COUNT);
            if (count == 0) {
                continue;
            }
            long[] buckets = new long[layout.buckets()];
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = b.getLong(base + layout.bucketOffset(i));
            }
            parts.add(Stats.ofCpu(d.global().histogram(), d.global().varianceShift(), count,
                    b.getLong(base + StatsLayout.SUM), b.getLong(base + StatsLayout.MIN),
                    b.getLong(base + StatsLayout.MAX), b.getLong(base + StatsLayout.AVG_S),
                    b.getLong(base + StatsLayout.M2), b.getLong(base + StatsLayout.VARIANCE_S), buckets));
        }
        return parts.isEmpty() ? null : Stats.aggregate(parts);
    }

    /** Value bytes for {@code value} (a Long or String); per-CPU maps get it on CPU 0 and 0 elsewhere. */
    public static byte[] encodeValue(MapDef d, Object value, int cpus) {
        int slot = d.perCpu() ? perCpuSlot(d) : d.valueSize();
        ByteBuffer b = ByteBuffer.allocate(slot * (d.perCpu() ? cpus : 1)).order(ByteOrder.LITTLE_ENDIAN);
        if (value instanceof Long l) {
            b.putLong(0, l);
        } else if (value instanceof String s) {
            byte[] bytes = Utf8.encode(Utf8.truncate(s, d.valueSize() - 1));
            b.put(0, bytes, 0, bytes.length);
        } else {
            throw new IllegalArgumentException("cannot encode " + value + " for map " + d.name());
        }
        return b.array();
    }
}
