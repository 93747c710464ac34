package io.jstap.runtime.output;

import io.jstap.compiler.format.GlobalPrinter;
import io.jstap.compiler.format.GlobalValue;
import java.util.ArrayList;
import java.util.List;

/**
 * An output that keeps everything in one transcript, messages in stap's text form, so tests can assert
 * the exact interleaving a user would see.
 */
public final class RecordingOutput implements Output {

    private final StringBuilder transcript = new StringBuilder();
    private final List<CharSequence> printed = new ArrayList<>();
    private int flushes;
    private boolean closed;

    @Override
    public synchronized void print(CharSequence text) {
        transcript.append(text);
        printed.add(text.toString());
    }

    @Override
    public synchronized void warning(String message) {
        transcript.append("WARNING: ").append(message).append('\n');
    }

    @Override
    public synchronized void error(String message) {
        transcript.append("ERROR: ").append(message).append('\n');
    }

    @Override
    public synchronized void globals(List<GlobalValue> values) {
        transcript.append(GlobalPrinter.print(values));
    }

    @Override
    public synchronized void lost(long records) {
        if (records > 0) {
            transcript.append("LOST ").append(records).append('\n');
        }
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    public synchronized String text() {
        return transcript.toString();
    }

    public synchronized List<CharSequence> printed() {
        return List.copyOf(printed);
    }

    public synchronized int flushes() {
        return flushes;
    }

    public synchronized boolean closed() {
        return closed;
    }
}
