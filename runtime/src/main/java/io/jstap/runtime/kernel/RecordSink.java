package io.jstap.runtime.kernel;

import java.nio.ByteBuffer;

/** Receives ring buffer records on the reader's thread, in the order the kernel committed them. */
public interface RecordSink {

    /**
     * One record: {@code length} bytes at absolute index {@code offset} of {@code data} (little-endian,
     * read with absolute gets). The buffer is the live ring: read what you need before returning and
     * keep no reference to it.
     */
    void onRecord(ByteBuffer data, int offset, int length);

    /** The program side reported {@code newlyLost} more dropped records ({@code total} so far). */
    default void onLost(long newlyLost, long total) {
    }

    /** The reader drained everything available; a good moment to flush output. */
    default void onDrained() {
    }
}
