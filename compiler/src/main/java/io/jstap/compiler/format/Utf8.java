package io.jstap.compiler.format;

import java.nio.charset.StandardCharsets;

/**
 * Byte arithmetic on Java strings. stap strings are NUL-terminated byte buffers and every length,
 * position and limit in the language counts bytes; our strings hold Unicode text, so those counts
 * are taken on the UTF-8 encoding. A cut that would split a character drops that character, so a
 * string never carries half a character. An unpaired surrogate counts as U+FFFD (3 bytes).
 */
public final class Utf8 {
    private static final int REPLACEMENT = 0xFFFD;

    private Utf8() {
    }

    /** Bytes in the UTF-8 encoding of one code point. */
    public static int codePointLength(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }

    /** The code point at {@code index}, with an unpaired surrogate read as U+FFFD. */
    static int codePointAt(String s, int index) {
        int cp = s.codePointAt(index);
        return Character.isSurrogate((char) cp) ? REPLACEMENT : cp;
    }

    /** Length of {@code s} in UTF-8 bytes (stap's {@code strlen}). */
    public static int length(String s) {
        return length(s, 0, s.length());
    }

    /** Length in UTF-8 bytes of the chars {@code [from, to)} of {@code s}. */
    public static int length(String s, int from, int to) {
        int n = 0;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
                i++;
            } else {
                int cp = codePointAt(s, i);
                n += codePointLength(cp);
                i += Character.isSupplementaryCodePoint(cp) ? 2 : 1;
            }
        }
        return n;
    }

    /** The longest prefix of {@code s} whose encoding fits in {@code maxBytes} bytes, cut between characters. */
    public static String truncate(String s, int maxBytes) {
        int end = prefixEnd(s, maxBytes);
        return end == s.length() ? s : s.substring(0, end);
    }

    /** Char index where the longest whole-character prefix of at most {@code maxBytes} bytes ends. */
    static int prefixEnd(String s, int maxBytes) {
        if (maxBytes <= 0) {
            return 0;
        }
        if (s.length() <= maxBytes / 4) {
            return s.length(); // cannot exceed maxBytes even if every char took 4 bytes
        }
        int n = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int cp = c < 0x80 ? c : codePointAt(s, i);
            int len = codePointLength(cp);
            if (n + len > maxBytes) {
                break;
            }
            n += len;
            i += Character.isSupplementaryCodePoint(cp) ? 2 : 1;
        }
        return i;
    }

    /** The UTF-8 encoding of {@code s}, unpaired surrogates encoded as U+FFFD. */
    public static byte[] encode(String s) {
        byte[] out = new byte[length(s)];
        int o = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = codePointAt(s, i);
            o = encode(cp, out, o);
            i += Character.isSupplementaryCodePoint(cp) ? 2 : 1;
        }
        return out;
    }

    /** Writes the encoding of {@code cp} at {@code off}; returns the offset after it. */
    static int encode(int cp, byte[] dst, int off) {
        if (cp < 0x80) {
            dst[off++] = (byte) cp;
        } else if (cp < 0x800) {
            dst[off++] = (byte) (0xC0 | (cp >> 6));
            dst[off++] = (byte) (0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            dst[off++] = (byte) (0xE0 | (cp >> 12));
            dst[off++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            dst[off++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            dst[off++] = (byte) (0xF0 | (cp >> 18));
            dst[off++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            dst[off++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            dst[off++] = (byte) (0x80 | (cp & 0x3F));
        }
        return off;
    }

    /**
     * Decodes {@code bytes[from, to)} as a stap string slice: continuation bytes at the start (the
     * tail of a character cut off before {@code from}) and an incomplete character at the end are
     * dropped; any other malformed byte becomes U+FFFD.
     */
    public static String decodeSlice(byte[] bytes, int from, int to) {
        while (from < to && (bytes[from] & 0xC0) == 0x80) {
            from++;
        }
        return new String(bytes, from, completeEnd(bytes, from, to) - from, StandardCharsets.UTF_8);
    }

    /** {@code to}, moved back over a trailing character whose bytes do not all lie before it. */
    static int completeEnd(byte[] bytes, int from, int to) {
        int lead = to - 1;
        int back = 0;
        while (lead >= from && back < 3 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
            back++;
        }
        if (lead < from) {
            return to;
        }
        int b = bytes[lead] & 0xFF;
        if (b < 0xC2 || b > 0xF4) {
            return to; // not the start of a multi-byte character
        }
        int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        return need > back + 1 ? lead : to;
    }

    /**
     * Compares two strings as C's {@code strcmp} compares their UTF-8 bytes (code point order,
     * which differs from {@link String#compareTo} for characters beyond U+FFFF).
     */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = codePointAt(a, i);
            int cb = codePointAt(b, j);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
