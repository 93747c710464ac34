package io.jstap.runtime.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The consumer half of the BPF ring buffer protocol over three views of the mapping: the consumer page
 * (consumer_pos at 0), the producer page (producer_pos at 0), and the data pages, mapped twice in a
 * row so a record that wraps is still contiguous. Allocates nothing per record.
 */
final class RingWalker {

    static final int BUSY = 1 << 31, DISCARD = 1 << 30, LEN_MASK = (1 << 30) - 1, HEADER = 8;
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteBuffer consumer;
    private final ByteBuffer producer;
    private final ByteBuffer data;
    private final long mask;
    private long delivered;
    private long discarded;

    RingWalker(ByteBuffer consumer, ByteBuffer producer, ByteBuffer data, int size) {
        if (Integer.bitCount(size) != 1 || data.capacity() < 2L * size) {
            throw new IllegalArgumentException("ring data must be twice a power-of-two size");
        }
        this.consumer = consumer;
        this.producer = producer;
        this.data = data.order(ByteOrder.LITTLE_ENDIAN);
        this.mask = size - 1L;
    }

    /**
     * Hands every committed record to the sink and advances consumer_pos past it; stops at the first
     * record still being written. Returns how many records were delivered.
     */
    int drain(RecordSink sink) {
        long cons = (long) LONG.getAcquire(consumer, 0);
        long prod = (long) LONG.getAcquire(producer, 0);
        int n = 0;
        while (cons < prod) {
            int off = (int) (cons & mask);
            int header = (int) INT.getAcquire(data, off);
            if ((header & BUSY) != 0) {
                break;
            }
            int len = header & LEN_MASK;
            if ((header & DISCARD) == 0) {
                sink.onRecord(data, off + HEADER, len);
                n++;
            } else {
                discarded++;
            }
            cons += (len + HEADER + 7) & ~7L;
            // Release: the kernel may reuse the space once it sees the new position.
            LONG.setRelease(consumer, 0, cons);
            if (cons == prod) {
                prod = (long) LONG.getAcquire(producer, 0);
            }
        }
        delivered += n;
        return n;
    }

    long delivered() {
        return delivered;
    }

    long discarded() {
        return discarded;
    }
}
