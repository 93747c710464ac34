package io.jstap.runtime.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 text to a byte stream through a buffer, copying char sequences without making Strings of them.
 * The first write error is kept (a closed pipe must not stop the run) and later writes are dropped.
 */
final class StreamWriter {

    private final OutputStream stream;
    private final Writer writer;
    private final boolean owned;
    private char[] chars = new char[1024];
    private IOException failure;

    StreamWriter(OutputStream stream, boolean owned) {
        this.stream = stream;
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.owned = owned;
    }

    void write(CharSequence text) {
        if (failure != null) {
            return;
        }
        int n = text.length();
        try {
            if (text instanceof String s) {
                writer.write(s, 0, n);
                return;
            }
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            if (text instanceof StringBuilder sb) {
                sb.getChars(0, n, chars, 0);
            } else {
                for (int i = 0; i < n; i++) {
                    chars[i] = text.charAt(i);
                }
            }
            writer.write(chars, 0, n);
        } catch (IOException e) {
            failure = e;
        }
    }

    void flush() {
        if (failure != null) {
            return;
        }
        try {
            writer.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    void close() {
        flush();
        if (owned) {
            try {
                writer.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
    }

    /** The first write error, or null. */
    IOException failure() {
        return failure;
    }

    OutputStream stream() {
        return stream;
    }
}
