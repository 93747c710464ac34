package io.jstap.compiler.format;

import java.nio.charset.StandardCharsets;

/**
 * A sink that appends to a {@link StringBuilder}: the text is the UTF-8 decoding of the exact
 * bytes stap would write. Raw bytes (from {@code %c}, {@code %b}, {@code %m}, or a character cut
 * by a precision) are collected and decoded together, so a multi-byte character printed one
 * byte at a time still comes out whole, and a malformed byte shows as U+FFFD as it would on a
 * UTF-8 terminal.
 */
final class TextSink extends Sink {
    private final StringBuilder sb;
    private byte[] raw;
    private int rawLen;

    TextSink(StringBuilder sb, int capacity) {
        super(capacity);
        this.sb = sb;
    }

    @Override
    void putAscii(char c) {
        if (room() <= 0) {
            return;
        }
        if (rawLen > 0) {
            flushRaw();
        }
        sb.append(c);
        count++;
    }

    @Override
    void repeat(char c, int n) {
        int k = Math.min(n, room());
        if (k <= 0) {
            return;
        }
        if (rawLen > 0) {
            flushRaw();
        }
        for (int j = 0; j < k; j++) {
            sb.append(c);
        }
        count += k;
    }

    @Override
    void putAscii(char[] chars, int from, int to) {
        int k = Math.min(to - from, room());
        if (k <= 0) {
            return;
        }
        if (rawLen > 0) {
            flushRaw();
        }
        sb.append(chars, from, k);
        count += k;
    }

    @Override
    void putRaw(int b) {
        if (room() <= 0) {
            return;
        }
        count++;
        if (b < 0x80 && rawLen == 0) {
            sb.append((char) b);
            return;
        }
        if (raw == null) {
            raw = new byte[16];
        } else if (rawLen == raw.length) {
            raw = java.util.Arrays.copyOf(raw, raw.length * 2);
        }
        raw[rawLen++] = (byte) b;
    }

    @Override
    void putString(String s, int maxBytes) {
        int limit = Math.min(maxBytes, room());
        if (limit <= 0) {
            return;
        }
        if (rawLen > 0) {
            flushRaw();
        }
        // copy the leading ASCII run in one go; it is almost always the whole string
        int n = s.length();
        int ascii = 0;
        int asciiEnd = Math.min(n, limit);
        while (ascii < asciiEnd && s.charAt(ascii) < 0x80) {
            ascii++;
        }
        sb.append(s, 0, ascii);
        int written = ascii;
        int i = ascii;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (written == limit) {
                    break;
                }
                sb.append(c);
                written++;
                i++;
                continue;
            }
            int cp = Utf8.codePointAt(s, i);
            int len = Utf8.codePointLength(cp);
            if (written + len > limit) {
                count += written;
                byte[] part = encodeOne(cp);
                for (int k = 0; k < limit - written; k++) {
                    putRaw(part[k] & 0xFF);
                }
                return;
            }
            sb.appendCodePoint(cp);
            written += len;
            i += Character.charCount(cp);
        }
        count += written;
    }

    /** Decodes pending raw bytes; call once the record is complete. */
    void finish() {
        if (rawLen > 0) {
            flushRaw();
        }
    }

    private void flushRaw() {
        sb.append(new String(raw, 0, rawLen, StandardCharsets.UTF_8));
        rawLen = 0;
    }
}
