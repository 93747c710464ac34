package io.jstap.runtime.live;

import io.jstap.runtime.kernel.RecordSink;
import io.jstap.runtime.output.RecordDecoder;
import java.nio.ByteBuffer;

/**
 * The ring buffer reader's sink for the whole session: records are decoded with the record table of the
 * generation that is current when they arrive, so output keeps flowing through reloads.
 */
final class OutputRouter implements RecordSink {

    private volatile RecordDecoder decoder;

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
