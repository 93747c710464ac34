package io.jstap.compiler.format;

/**
 * Where a formatted record goes: a byte buffer of fixed capacity, as stap's print buffer or
 * string result. Every write counts bytes against the capacity and bytes beyond it are dropped,
 * which is how stap truncates (field widths are clamped to {@link #room()} before writing).
 */
abstract class Sink {
    private final int capacity;
    /** Bytes written so far. */
    protected int count;
    /** Digit scratch for number conversions, so they do not allocate. */
    final char[] digits = new char[64];

    Sink(int capacity) {
        this.capacity = capacity;
    }

    /** Bytes that still fit. */
    final int room() {
        return capacity - count;
    }

    /** Writes one ASCII character (one byte) if there is room. */
    abstract void putAscii(char c);

    /** Writes one raw byte (0..255) if there is room; it need not be valid UTF-8 on its own. */
    abstract void putRaw(int b);

    /**
     * Writes the first {@code maxBytes} bytes of the UTF-8 encoding of {@code s}, or fewer if the
     * capacity runs out first. A character split by either limit contributes its leading bytes.
     */
    abstract void putString(String s, int maxBytes);

    /** Writes {@code n} copies of an ASCII character, as far as they fit. */
    void repeat(char c, int n) {
        for (int k = 0; k < n && count < capacity; k++) {
            putAscii(c);
        }
    }

    /** Writes the ASCII characters {@code chars[from, to)}, as far as they fit. */
    void putAscii(char[] chars, int from, int to) {
        for (int k = from; k < to && count < capacity; k++) {
            putAscii(chars[k]);
        }
    }

    /** Bytes of the UTF-8 encoding of code point {@code cp}, for partial writes. */
    final byte[] encodeOne(int cp) {
        byte[] b = new byte[4];
        Utf8.encode(cp, b, 0);
        return b;
    }
}
