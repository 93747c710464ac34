package io.jstap.compiler.format;

import java.util.Arrays;

/** A sink that keeps the exact bytes stap would write. */
final class ByteSink extends Sink {
    private byte[] buf = new byte[64];

    ByteSink(int capacity) {
        super(capacity);
    }

    @Override
    void putAscii(char c) {
        putRaw(c);
    }

    @Override
    void putRaw(int b) {
        if (room() <= 0) {
            return;
        }
        if (count == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[count++] = (byte) b;
    }

    @Override
    void putString(String s, int maxBytes) {
        int limit = Math.min(maxBytes, room());
        int i = 0;
        byte[] one = new byte[4];
        while (i < s.length() && limit > 0) {
            int cp = Utf8.codePointAt(s, i);
            int len = Utf8.encode(cp, one, 0);
            for (int k = 0; k < len && limit > 0; k++, limit--) {
                putRaw(one[k] & 0xFF);
            }
            i += Character.charCount(cp);
        }
    }

    /** The bytes written so far. */
    byte[] bytes() {
        return Arrays.copyOf(buf, count);
    }

    int length() {
        return count;
    }

    byte byteAt(int index) {
        return buf[index];
    }

    byte[] buffer() {
        return buf;
    }
}
