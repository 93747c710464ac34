package io.jstap.compiler.format;

/**
 * One conversion directive, as stap's parser records it.
 *
 * @param type       the conversion letter: {@code d i u o x X p c s b m M}
 * @param flags      a set of the {@code FLAG_*} bits (the values are stap's own)
 * @param width      the static field width, or -1 when none was written (or it is dynamic)
 * @param widthDynamic  {@code *}: the width is taken from an argument before the value
 * @param precision  the static precision, or -1 when none was written (or it is dynamic)
 * @param precisionDynamic {@code .*}: the precision is taken from an argument before the value
 * @param offset     index of the {@code %} in the format string
 */
public record Conversion(char type, int flags, int width, boolean widthDynamic, int precision,
        boolean precisionDynamic, int offset) implements Segment {

    public static final int FLAG_ZEROPAD = 1;
    public static final int FLAG_SIGN = 2;
    public static final int FLAG_PLUS = 4;
    public static final int FLAG_SPACE = 8;
    public static final int FLAG_LEFT = 16;
    public static final int FLAG_SPECIAL = 32;
    public static final int FLAG_LARGE = 64;

    /** stap refuses a {@code %m}/{@code %M} dump longer than one page. */
    public static final int MAX_MEMORY_DUMP = 4096;

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** Number base of an integer conversion; 0 for the others. */
    public int base() {
        switch (type) {
            case 'd': case 'i': case 'u':
                return 10;
            case 'o':
                return 8;
            case 'x': case 'X': case 'p':
                return 16;
            default:
                return 0;
        }
    }

    /** The type of the value argument ({@code %s} takes a string, every other conversion a long). */
    public ArgKind valueKind() {
        return type == 's' ? ArgKind.STRING : ArgKind.LONG;
    }

    /** How many arguments this conversion consumes: the value plus any {@code *} width and precision. */
    public int argCount() {
        return 1 + (widthDynamic ? 1 : 0) + (precisionDynamic ? 1 : 0);
    }

    /** {@code %m} (raw bytes) or {@code %M} (hex): the value is an address whose memory is dumped. */
    public boolean dumpsMemory() {
        return type == 'm' || type == 'M';
    }

    /** {@code %#m}/{@code %#M} read user-space memory; without {@code #} they read kernel memory. */
    public boolean readsUserMemory() {
        return dumpsMemory() && hasFlag(FLAG_SPECIAL);
    }

    /**
     * Bytes a {@code %m}/{@code %M} dump reads: the precision, or 1 when it is absent or not
     * positive. {@code dynamicPrecision} is the {@code .*} argument (ignored otherwise).
     *
     * @throws StapError {@code "N is too many bytes for a memory dump"} beyond one page, as stap
     */
    public int memoryDumpLength(long dynamicPrecision) {
        long size = precisionDynamic ? dynamicPrecision
                : precision > 0 ? Integer.toUnsignedLong(precision) : 1;
        if (size > MAX_MEMORY_DUMP) {
            throw new StapError(size + " is too many bytes for a memory dump");
        }
        // the formatter sees the precision narrowed to a C int, as stap's clamp_t(int, ...) does
        int p = (int) size;
        return p > 0 ? p : 1;
    }
}
