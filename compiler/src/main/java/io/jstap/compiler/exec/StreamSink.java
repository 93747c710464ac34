package io.jstap.compiler.exec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Writes output to stdout-like and stderr-like streams as UTF-8, flushing at probe ends. */
public final class StreamSink implements OutputSink {

    private final PrintStream out;
    private final PrintStream err;

    public StreamSink(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void print(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }

    @Override
    public void warning(String message) {
        out.flush();
        err.print("WARNING: " + message + "\n");
        err.flush();
    }

    @Override
    public void flush() {
        out.flush();
    }
}
