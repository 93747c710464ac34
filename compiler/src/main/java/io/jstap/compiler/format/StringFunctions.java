package io.jstap.compiler.format;

/**
 * stap's string tapset ({@code tapset/string.stp}) with its exact results. Lengths and positions
 * count UTF-8 bytes, as stap's byte strings do; a cut inside a character drops that character
 * (see {@link Utf8}). Functions whose result depends on MAXSTRINGLEN take it as a parameter; every
 * string result is at most {@code maxStringLen - 1} bytes.
 */
public final class StringFunctions {
    /** stap's MAXSTRINGLEN on 64-bit machines (runtime_defines.h); {@code -DMAXSTRINGLEN=} changes it. */
    public static final int DEFAULT_MAXSTRINGLEN = 512;

    private StringFunctions() {
    }

    /** A string as stap stores it: cut to {@code maxStringLen - 1} bytes. */
    public static String truncate(String s, int maxStringLen) {
        return Utf8.truncate(s, maxStringLen - 1);
    }

    /** {@code a . b}: concatenation, cut to {@code maxStringLen - 1} bytes. */
    public static String concat(String a, String b, int maxStringLen) {
        return truncate(a.concat(b), maxStringLen);
    }

    /** {@code strcmp} order, as the {@code < > <= >=} operators on strings compare. */
    public static int compare(String a, String b) {
        return Utf8.compare(a, b);
    }

    /** {@code strlen(s)}: length in bytes. */
    public static long strlen(String s) {
        return Utf8.length(s);
    }

    /**
     * {@code substr(str, start, length)}: the bytes from {@code start} (0-based), at most
     * {@code length} of them; "" when {@code start} is outside the string or {@code length} is not
     * positive.
     */
    public static String substr(String str, long start, long length, int maxStringLen) {
        long size = length + 1; // wraps like stap's int64 arithmetic before the clamp
        size = Math.max(0, Math.min(size, maxStringLen));
        byte[] bytes = Utf8.encode(str);
        if (start < 0 || start >= bytes.length || size == 0) {
            return "";
        }
        int from = (int) start;
        int to = (int) Math.min(bytes.length, from + size - 1);
        return Utf8.decodeSlice(bytes, from, to);
    }

    /**
     * {@code stringat(str, pos)}: the byte at {@code pos}, as a signed C char (so bytes of non-ASCII
     * characters are negative, as on x86).
     *
     * @throws StapError "Position out of bounds"
     */
    public static long stringat(String str, long pos) {
        byte[] bytes = Utf8.encode(str);
        if (pos < 0 || pos >= bytes.length) {
            throw new StapError("Position out of bounds");
        }
        return bytes[(int) pos];
    }

    /** {@code isinstr(s1, s2)}: 1 if {@code s2} occurs in {@code s1}, else 0. */
    public static long isinstr(String s1, String s2) {
        return s1.contains(s2) ? 1 : 0;
    }

    /** {@code strpos(s1, s2)}: byte offset of the first {@code s2} in {@code s1}, or -1. */
    public static long strpos(String s1, String s2) {
        int at = s1.indexOf(s2);
        return at < 0 ? -1 : Utf8.length(s1, 0, at);
    }

    /** {@code str_replace(prnt_str, srch_str, rplc_str)}: every occurrence, left to right. */
    public static String strReplace(String prnt, String srch, String rplc, int maxStringLen) {
        if (srch.isEmpty()) {
            return truncate(prnt, maxStringLen);
        }
        return truncate(prnt.replace(srch, rplc), maxStringLen);
    }

    /**
     * {@code strtol(str, base)}: the kernel's {@code simple_strtol}. An optional '-' (no space, no
     * '+'), then digits of the base; base 0 picks 16 for "0x" followed by a hex digit, 8 for a
     * leading "0", else 10, and base 16 skips a "0x". Parsing stops at the first character that is
     * not a digit below the base (letters beyond 'f' never are); nothing parsed gives 0 and
     * overflow wraps. stap reports no errors.
     */
    public static long strtol(String str, long base) {
        if (str.startsWith("-")) {
            return -strtoull(str, 1, (int) base);
        }
        return strtoull(str, 0, (int) base);
    }

    private static long strtoull(String s, int i, int base) {
        long b = Integer.toUnsignedLong(base);
        if (b == 0) {
            if (charAt(s, i) == '0') {
                b = lower(charAt(s, i + 1)) == 'x' && hexValue(charAt(s, i + 2)) >= 0 ? 16 : 8;
            } else {
                b = 10;
            }
        }
        if (b == 16 && charAt(s, i) == '0' && lower(charAt(s, i + 1)) == 'x') {
            i += 2;
        }
        long result = 0;
        for (; i < s.length(); i++) {
            int v = hexValue(s.charAt(i));
            if (v < 0 || v >= b) {
                break;
            }
            result = result * b + v;
        }
        return result;
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char l = lower(c);
        return l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
    }

    /** {@code isdigit(str)}: 1 if the first character is 0-9, else 0. */
    public static long isdigit(String str) {
        return !str.isEmpty() && str.charAt(0) >= '0' && str.charAt(0) <= '9' ? 1 : 0;
    }

    /** {@code text_str(input)}: non-printable characters replaced by escape sequences. */
    public static String textStr(String input, int maxStringLen) {
        return TextEscaper.escape(input, 0, false, maxStringLen);
    }

    /**
     * {@code text_strn(input, len, quoted)}: like {@link #textStr} limited to {@code len} bytes of
     * output (0 means MAXSTRINGLEN-1); when quoted, in double quotes with {@code ...} after the
     * closing quote if the input did not fit.
     */
    public static String textStrn(String input, long len, long quoted, int maxStringLen) {
        long outlen = Math.max(0, Math.min(len, maxStringLen));
        return TextEscaper.escape(input, outlen, quoted != 0, maxStringLen);
    }

    /** {@code string_quoted(str)}: {@link #textStr} in double quotes. */
    public static String stringQuoted(String str, int maxStringLen) {
        return TextEscaper.escape(str, maxStringLen, true, maxStringLen);
    }
}
