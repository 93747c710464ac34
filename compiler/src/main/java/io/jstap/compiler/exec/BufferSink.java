package io.jstap.compiler.exec;

import java.util.ArrayList;
import java.util.List;

/** Collects output in memory: for REPL expression results, sprintf-like capture and tests. */
public final class BufferSink implements OutputSink {

    private final StringBuilder text = new StringBuilder();
    private final List<String> warnings = new ArrayList<>();

    @Override
    public synchronized void print(String s) {
        text.append(s);
    }

    @Override
    public synchronized void warning(String message) {
        warnings.add(message);
    }

    public synchronized String text() {
        return text.toString();
    }

    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Returns the text collected so far and starts over. */
    public synchronized String take() {
        String s = text.toString();
        text.setLength(0);
        return s;
    }
}
