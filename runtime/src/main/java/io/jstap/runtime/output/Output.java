package io.jstap.runtime.output;

import io.jstap.compiler.exec.OutputSink;
import io.jstap.compiler.format.GlobalValue;
import java.util.List;

/**
 * Where a run's output goes: the script's printed text in arrival order, stap's {@code WARNING:} and
 * {@code ERROR:} messages, the end-of-run display of unread globals and the count of lost records. As in
 * bpftrace, one text and one JSON implementation. Implementations are thread-safe: kernel records, timer
 * probes and the main thread write concurrently.
 */
public interface Output extends AutoCloseable {

    /** Text the script printed ({@code printf}, {@code print}, ...), exactly as stap writes it. */
    void print(CharSequence text);

    /** A warning; the text rendering is {@code WARNING: message} on stderr. */
    void warning(String message);

    /** A run-time error; the text rendering is {@code ERROR: message} on stderr. */
    void error(String message);

    /** Globals written but never read, shown at the end of a run (stap's synthetic end probe). */
    void globals(List<GlobalValue> values);

    /** Records the kernel side could not deliver (ring buffer full), reported once at the end. */
    void lost(long records);

    /** Pushes buffered output to its destination. */
    void flush();

    /** Flushes and closes the destination if this output opened it. */
    @Override
    void close();

    /** This output as the interpreter's sink for userspace probes. */
    default OutputSink asSink() {
        Output self = this;
        return new OutputSink() {
            @Override
            public void print(String text) {
                self.print(text);
            }

            @Override
            public void warning(String message) {
                self.warning(message);
            }

            @Override
            public void flush() {
                self.flush();
            }
        };
    }
}
