package io.jstap.compiler.format;

import static io.jstap.compiler.format.Conversion.FLAG_LARGE;
import static io.jstap.compiler.format.Conversion.FLAG_LEFT;
import static io.jstap.compiler.format.Conversion.FLAG_PLUS;
import static io.jstap.compiler.format.Conversion.FLAG_SIGN;
import static io.jstap.compiler.format.Conversion.FLAG_SPACE;
import static io.jstap.compiler.format.Conversion.FLAG_SPECIAL;
import static io.jstap.compiler.format.Conversion.FLAG_ZEROPAD;

/**
 * Renders single conversions with the arithmetic of stap's runtime ({@code runtime/vsprintf.c}).
 * Widths and precisions arrive already clamped the way stap's compiled printf clamps them; -1
 * means "not given". The odd corners are stap's and kept on purpose: {@code %#x} prints the
 * {@code 0x} prefix even for zero, {@code %#o} prefixes {@code 0} even to {@code 0}, and a
 * {@code 0} flag on {@code %s}/{@code %m}/{@code %M} appends a NUL byte.
 */
final class ConversionWriter {
    private static final char[] SMALL = "0123456789abcdef".toCharArray();
    private static final char[] LARGE = "0123456789ABCDEF".toCharArray();

    private ConversionWriter() {
    }

    /** stap's {@code number()}: integer conversions, including {@code %p}. */
    static void number(Sink out, long num, int base, int size, int precision, int type) {
        char[] digits = (type & FLAG_LARGE) != 0 ? LARGE : SMALL;
        if ((type & FLAG_LEFT) != 0) {
            type &= ~FLAG_ZEROPAD;
        }
        char pad = (type & FLAG_ZEROPAD) != 0 ? '0' : ' ';
        char sign = 0;
        if ((type & FLAG_SIGN) != 0) {
            if (num < 0) {
                sign = '-';
                num = -num; // Long.MIN_VALUE stays itself and prints as 2^63, as in C
                size--;
            } else if ((type & FLAG_PLUS) != 0) {
                sign = '+';
                size--;
            } else if ((type & FLAG_SPACE) != 0) {
                sign = ' ';
                size--;
            }
        }
        boolean special = (type & FLAG_SPECIAL) != 0;
        if (special) {
            if (base == 16) {
                size -= 2;
            } else if (base == 8) {
                size--;
            }
        }
        char[] tmp = out.digits;
        int i = toDigits(num, base, digits, tmp);
        int first = tmp.length - i;
        if (i > precision) {
            precision = i;
        }
        size -= precision;
        if ((type & (FLAG_ZEROPAD | FLAG_LEFT)) == 0 && size > 0) {
            out.repeat(' ', size);
            size = 0;
        }
        if (sign != 0) {
            out.putAscii(sign);
        }
        if (special) {
            if (base == 8) {
                out.putAscii('0');
            } else if (base == 16) {
                out.putAscii('0');
                out.putAscii(digits == LARGE ? 'X' : 'x');
            }
        }
        if ((type & FLAG_LEFT) == 0 && size > 0) {
            out.repeat(pad, size);
            size = 0;
        }
        if (precision > i) {
            out.repeat('0', precision - i);
        }
        out.putAscii(tmp, first, tmp.length);
        if (size > 0) {
            out.repeat(' ', size);
        }
    }

    /**
     * Digits of {@code num} as an unsigned 64-bit value, written to the end of {@code tmp} so they
     * read in order; returns how many.
     */
    private static int toDigits(long num, int base, char[] digits, char[] tmp) {
        int at = tmp.length;
        if (num == 0) {
            tmp[--at] = '0';
        } else if (base == 10) {
            if (num < 0) { // the top bit set: one unsigned step brings it into signed range
                long q = Long.divideUnsigned(num, 10);
                tmp[--at] = digits[(int) (num - q * 10)];
                num = q;
            }
            while (num != 0) {
                long q = num / 10;
                tmp[--at] = digits[(int) (num - q * 10)];
                num = q;
            }
        } else {
            int shift = base == 16 ? 4 : 3;
            while (num != 0) {
                tmp[--at] = digits[(int) (num & (base - 1))];
                num >>>= shift;
            }
        }
        return tmp.length - at;
    }

    /** stap's {@code _stp_vsprint_char}: {@code %c} of the low byte, escaped under {@code #}. */
    static void character(Sink out, long value, int width, int flags) {
        int c = (int) value & 0xFF;
        int size = charSize(c, flags);
        if ((flags & FLAG_LEFT) == 0) {
            while (width-- > size) {
                out.putAscii(' ');
            }
        }
        if (size == 1) {
            out.putRaw(c);
        } else {
            out.putAscii('\\');
            char escape = escapeLetter(c);
            if (escape != 0) {
                out.putAscii(escape);
            } else {
                out.putAscii((char) ('0' + ((c >> 6) & 3)));
                out.putAscii((char) ('0' + ((c >> 3) & 7)));
                out.putAscii((char) ('0' + (c & 7)));
            }
        }
        while (width-- > size) {
            out.putAscii(' ');
        }
    }

    private static int charSize(int c, int flags) {
        boolean printable = c >= 0x20 && c < 0x7F;
        if ((flags & FLAG_SPECIAL) != 0 && (!printable || c == '\'' || c == '\\')) {
            return escapeLetter(c) != 0 ? 2 : 4;
        }
        return 1;
    }

    private static char escapeLetter(int c) {
        switch (c) {
            case 7: return 'a';
            case '\b': return 'b';
            case '\f': return 'f';
            case '\n': return 'n';
            case '\r': return 'r';
            case '\t': return 't';
            case 11: return 'v';
            case '\'': return '\'';
            case '\\': return '\\';
            default: return 0;
        }
    }

    /** stap's {@code _stp_vsprint_memory} for {@code %s}. */
    static void string(Sink out, String s, int width, int precision, int flags) {
        // an absent precision (-1) becomes SIZE_MAX in C and is then clamped to the buffer size
        int limit = precision < 0 ? PrintfFormat.STP_BUFFER_SIZE
                : Math.min(precision, PrintfFormat.STP_BUFFER_SIZE);
        int len = Math.min(Utf8.length(s), limit);
        if ((flags & FLAG_LEFT) == 0) {
            while (len < width-- && out.room() > 0) {
                out.putAscii(' ');
            }
        }
        out.putString(s, len);
        padAfter(out, len, width, flags);
    }

    /** stap's {@code _stp_vsprint_memory} for {@code %m} (raw bytes) and {@code %M} (hex pairs). */
    static void memory(Sink out, byte[] mem, char format, int width, int precision, int flags) {
        int len = precision > 0 ? precision : 1;
        if ((flags & FLAG_LEFT) == 0) {
            int actlen = format == 'M' ? len * 2 : len;
            while (actlen < width-- && out.room() > 0) {
                out.putAscii(' ');
            }
        }
        if (format == 'M') {
            for (int i = 0; i < len && out.room() >= 2; i++) {
                out.putAscii(SMALL[(mem[i] & 0xF0) >> 4]);
                out.putAscii(SMALL[mem[i] & 0x0F]);
            }
            len *= 2;
        } else {
            for (int i = 0; i < len && out.room() > 0; i++) {
                out.putRaw(mem[i] & 0xFF);
            }
        }
        padAfter(out, len, width, flags);
    }

    private static void padAfter(Sink out, int len, int width, int flags) {
        while (len < width-- && out.room() > 0) {
            out.putAscii(' ');
        }
        if ((flags & FLAG_ZEROPAD) != 0 && out.room() > 0) {
            out.putRaw(0);
        }
    }

    /** stap's {@code _stp_vsprint_binary}: {@code %b} writes the value's bytes, little-endian. */
    static void binary(Sink out, long num, int width, int precision, int flags) {
        precision = binaryPrecision(precision);
        if (width == -1) {
            if (precision == -1) {
                width = 8;
                precision = 8;
            } else {
                width = precision;
            }
        } else if (precision == -1) {
            precision = binaryPrecision(width);
            if (precision == -1) {
                precision = 8;
            }
        }
        if ((flags & FLAG_LEFT) == 0) {
            while (precision < width-- && out.room() > 0) {
                out.putRaw(0);
            }
        }
        if (out.room() >= precision) {
            for (int k = 0; k < precision; k++) {
                out.putRaw((int) (num >>> (8 * k)) & 0xFF);
            }
        }
        while (precision >= 0 && width >= 0 && precision < width-- && out.room() > 0) {
            out.putRaw(0);
        }
    }

    /** Only 1, 2, 4 and 8 bytes are binary sizes; anything else counts as unspecified. */
    private static int binaryPrecision(int precision) {
        return precision == 1 || precision == 2 || precision == 4 || precision == 8 ? precision : -1;
    }
}
