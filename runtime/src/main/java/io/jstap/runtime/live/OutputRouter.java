package io.jstap.runtime.live;

import io.jstap.compiler.module.MapDef;
import io.jstap.runtime.kernel.BpfMap;
import io.jstap.runtime.kernel.KernelResources;
import io.jstap.runtime.kernel.RecordSink;
import io.jstap.runtime.kernel.RingBufferReader;
import io.jstap.runtime.output.RecordDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.LongSupplier;

/**
 * The ring buffer reader's sink for the whole session: records are decoded with the record table of the
 * generation that is current when they arrive, so output keeps flowing through reloads. It keeps one reader
 * on the output ring for as long as the ring map lives (a reload that keeps the map keeps the reader).
 */
final class OutputRouter implements RecordSink {

    private volatile RecordDecoder decoder;
    private RingBufferReader reader;
    private long lostBefore;

    /** Reads the generation's output ring from now on; returns the reader of a replaced ring (or null). */
    RingBufferReader open(KernelResources kr, KernelSet k) {
        MapDef ringDef = k.module().mapOfRole(MapDef.Role.OUTPUT).orElse(null);
        BpfMap ring = ringDef == null ? null : k.maps().get(ringDef.name()).map();
        if (reader != null && reader.ring() == ring) {
            return null;
        }
        RingBufferReader old = reader;
        if (old != null) {
            lostBefore += old.lost();
        }
        reader = ring == null ? null : kr.openRingBuffer(ring, this, dropCounter(k));
        return old;
    }

    private static LongSupplier dropCounter(KernelSet k) {
        MapDef d = k.module().mapOfRole(MapDef.Role.COUNTERS).orElse(null);
        if (d == null) {
            return null;
        }
        BpfMap m = k.maps().get(d.name()).map();
        byte[] key = BpfMap.intKey(0);
        if (d.perCpu()) {
            return () -> m.isClosed() ? 0 : m.sumPerCpuLong(key, 0);
        }
        return () -> m.isClosed() ? 0 : m.lookup(key).map(v -> ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN)
                .getLong(0)).orElse(0L);
    }

    /** Delivers what is left in the ring, then stops reading. */
    void close() {
        if (reader != null) {
            reader.close();
            lostBefore += reader.lost();
            reader = null;
        }
    }

    /** Records the kernel could not put in the ring, over the session. */
    long lost() {
        return lostBefore + (reader == null ? 0 : reader.lost());
    }

    void swap(RecordDecoder next) {
        decoder = next;
    }

    @Override
    public void onRecord(ByteBuffer data, int offset, int length) {
        RecordDecoder d = decoder;
        if (d != null) {
            d.onRecord(data, offset, length);
        }
    }

    @Override
    public void onLost(long newlyLost, long total) {
        RecordDecoder d = decoder;
        if (d != null) {
            d.onLost(newlyLost, total);
        }
    }

    @Override
    public void onDrained() {
        RecordDecoder d = decoder;
        if (d != null) {
            d.onDrained();
        }
    }
}
