package io.jstap.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ring protocol against an in-memory imitation of the kernel's double mapping. */
class RingWalkerTest {

    static final int SIZE = 64;

    final ByteBuffer consumer = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
    final ByteBuffer producer = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
    final ByteBuffer data = ByteBuffer.allocateDirect(2 * SIZE).order(ByteOrder.LITTLE_ENDIAN);
    final RingWalker walker = new RingWalker(consumer, producer, data, SIZE);
    long prod;

    /** Writes a record at the producer position into both copies of the data pages. */
    long produce(int header, byte... payload) {
        long at = prod;
        byte[] rec = new byte[(8 + payload.length + 7) & ~7];
        ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN).putInt(0, header);
        System.arraycopy(payload, 0, rec, 8, payload.length);
        for (int i = 0; i < rec.length; i++) {
            int idx = (int) ((at + i) & (SIZE - 1));
            data.put(idx, rec[i]);
            data.put(idx + SIZE, rec[i]);
        }
        prod += rec.length;
        producer.putLong(0, prod);
        return at;
    }

    final List<String> seen = new ArrayList<>();
    final RecordSink sink = (buf, off, len) -> {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < len; i++) {
            b.append((char) buf.get(off + i));
        }
        seen.add(b.toString());
    };

    @Test
    void deliversInOrderSkipsDiscardedAndAdvances() {
        produce(3, (byte) 'a', (byte) 'b', (byte) 'c');
        produce(RingWalker.DISCARD | 2, (byte) 'x', (byte) 'y');
        produce(1, (byte) 'd');
        assertEquals(2, walker.drain(sink));
        assertEquals(List.of("abc", "d"), seen);
        assertEquals(48, consumer.getLong(0));
        assertEquals(1, walker.discarded());
    }

    @Test
    void stopsAtABusyRecordAndResumesWhenCommitted() {
        produce(1, (byte) 'a');
        long busyAt = produce(RingWalker.BUSY | 1, (byte) 'b');
        produce(1, (byte) 'c');
        assertEquals(1, walker.drain(sink));
        assertEquals(16, consumer.getLong(0));
        int idx = (int) (busyAt & (SIZE - 1));
        data.putInt(idx, 1); // the kernel commits it
        data.putInt(idx + SIZE, 1);
        assertEquals(2, walker.drain(sink));
        assertEquals(List.of("a", "b", "c"), seen);
        assertEquals(3, walker.delivered());
    }

    @Test
    void aRecordThatWrapsIsReadContiguously() {
        for (int round = 0; round < 5; round++) {
            produce(20, "0123456789abcdefghij".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(1, walker.drain(sink));
        }
        assertEquals(5, seen.size());
        for (String s : seen) {
            assertEquals("0123456789abcdefghij", s);
        }
        assertEquals(5 * 32, consumer.getLong(0), "positions keep growing past the ring size");
    }
}
