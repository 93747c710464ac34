package io.jstap.compiler.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stap format string, parsed once, that formats argument lists exactly as stap's compiled
 * printf does (the default code path, not {@code -DSTP_LEGACY_PRINT}).
 *
 * <p>Arguments are {@link Long} (any {@link Number}) for integer conversions, {@code *} widths and
 * precisions and {@code %c}/{@code %b}, and {@link String} for {@code %s}. For {@code %m}/{@code %M}
 * the argument is the memory to dump as a {@code byte[]} (at least
 * {@link Conversion#memoryDumpLength} bytes), read by the back end at the script's address.
 *
 * <p>Output limits are stap's: a {@code printf} record holds at most {@link #STP_BUFFER_SIZE}
 * bytes; an {@code sprintf} result at most MAXSTRINGLEN-1 bytes and ends at its first NUL.
 */
public final class PrintfFormat {
    /** stap's print buffer: the most one printf call can write. */
    public static final int STP_BUFFER_SIZE = 8192;

    /** stap's wording when the argument count does not match the format. */
    public static final String WRONG_ARG_COUNT = "Wrong number of args to formatted print operator";

    private final String source;
    private final List<Segment> segments;
    private final List<ArgKind> argKinds;

    private PrintfFormat(String source, List<Segment> segments) {
        this.source = source;
        this.segments = segments;
        List<ArgKind> kinds = new ArrayList<>();
        for (Segment s : segments) {
            if (s instanceof Conversion c) {
                if (c.widthDynamic()) {
                    kinds.add(ArgKind.LONG);
                }
                if (c.precisionDynamic()) {
                    kinds.add(ArgKind.LONG);
                }
                kinds.add(c.valueKind());
            }
        }
        this.argKinds = List.copyOf(kinds);
    }

    /** Parses a format string (the literal's value, escapes already decoded). */
    public static PrintfFormat parse(String fmt) throws FormatException {
        return new PrintfFormat(fmt, FormatParser.parse(fmt));
    }

    /**
     * The format stap synthesizes for {@code print}, {@code println}, {@code printd},
     * {@code printdln} and their {@code s...} forms: {@code %d} or {@code %s} per argument,
     * {@code delimiter} between them (null for none) and a newline at the end if asked.
     */
    public static PrintfFormat forPrint(List<ArgKind> kinds, String delimiter, boolean newline) {
        List<Segment> segs = new ArrayList<>();
        StringBuilder src = new StringBuilder();
        for (int k = 0; k < kinds.size(); k++) {
            if (k > 0 && delimiter != null && !delimiter.isEmpty()) {
                segs.add(new Segment.Literal(delimiter));
                src.append(delimiter.replace("%", "%%"));
            }
            char type = kinds.get(k) == ArgKind.STRING ? 's' : 'd';
            int flags = type == 'd' ? Conversion.FLAG_SIGN : 0;
            segs.add(new Conversion(type, flags, -1, false, -1, false, src.length()));
            src.append('%').append(type);
        }
        if (newline) {
            segs.add(new Segment.Literal("\n"));
            src.append('\n');
        }
        return new PrintfFormat(src.toString(), List.copyOf(mergeLiterals(segs)));
    }

    private static List<Segment> mergeLiterals(List<Segment> segs) {
        List<Segment> out = new ArrayList<>();
        for (Segment s : segs) {
            int last = out.size() - 1;
            if (s instanceof Segment.Literal l && last >= 0 && out.get(last) instanceof Segment.Literal p) {
                out.set(last, new Segment.Literal(p.text() + l.text()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** The format string as written. */
    public String source() {
        return source;
    }

    /** Literal text and conversions, in order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The type of each argument the format consumes, {@code *} widths and precisions included. */
    public List<ArgKind> argKinds() {
        return argKinds;
    }

    /** What {@code printf} writes to the output stream for these arguments. */
    public String format(List<?> args) {
        StringBuilder sb = new StringBuilder();
        appendTo(sb, args);
        return sb.toString();
    }

    /** Appends what {@code printf} writes; allocates nothing per segment. */
    public void appendTo(StringBuilder sb, List<?> args) {
        TextSink sink = new TextSink(sb, STP_BUFFER_SIZE);
        write(sink, args);
        sink.finish();
    }

    /** The exact bytes {@code printf} writes to the output stream (binary {@code %b} included). */
    public byte[] formatBytes(List<?> args) {
        ByteSink sink = new ByteSink(STP_BUFFER_SIZE);
        write(sink, args);
        return sink.bytes();
    }

    /**
     * What {@code sprintf} returns: at most {@code maxStringLen - 1} bytes, cut at the first NUL,
     * a character split by the limit dropped.
     */
    public String sprintf(List<?> args, int maxStringLen) {
        ByteSink sink = new ByteSink(maxStringLen);
        write(sink, args);
        int n = Math.max(0, Math.min(sink.length(), maxStringLen - 1));
        byte[] buf = sink.buffer();
        for (int k = 0; k < n; k++) {
            if (buf[k] == 0) {
                n = k;
                break;
            }
        }
        if (n == maxStringLen - 1) {
            n = Utf8.completeEnd(buf, 0, n); // the limit may have split a character
        }
        String s = new String(buf, 0, n, StandardCharsets.UTF_8);
        // malformed bytes decode to U+FFFD (3 bytes) and could push the text past the limit
        return Utf8.truncate(s, maxStringLen - 1);
    }

    private void write(Sink out, List<?> args) {
        if (args.size() != argKinds.size()) {
            throw new IllegalArgumentException(WRONG_ARG_COUNT + ": format \"" + source + "\" takes "
                    + argKinds.size() + ", got " + args.size());
        }
        checkMemoryDumps(args);
        int ai = 0;
        for (Segment seg : segments) {
            if (seg instanceof Segment.Literal lit) {
                out.putString(lit.text(), Integer.MAX_VALUE);
                continue;
            }
            Conversion c = (Conversion) seg;
            // stap's compiled printf clamps to the room left in the buffer, after a cast to int
            int width = -1;
            if (c.widthDynamic()) {
                width = clamp((int) asLong(args.get(ai++)), out.room());
            } else if (c.width() != -1) {
                width = clamp(c.width(), out.room());
            }
            int precision = -1;
            long rawPrecision = 0;
            if (c.precisionDynamic()) {
                rawPrecision = asLong(args.get(ai++));
                precision = clamp((int) rawPrecision, out.room());
            } else if (c.precision() != -1) {
                precision = clamp(c.precision(), out.room());
            }
            Object value = args.get(ai++);
            switch (c.type()) {
                case 'c':
                    ConversionWriter.character(out, asLong(value), width, c.flags());
                    break;
                case 's':
                    ConversionWriter.string(out, asString(value), width, precision, c.flags());
                    break;
                case 'b':
                    ConversionWriter.binary(out, asLong(value), width, precision, c.flags());
                    break;
                case 'm': case 'M':
                    int need = c.memoryDumpLength(rawPrecision);
                    ConversionWriter.memory(out, asMemory(value, need), c.type(), width, precision, c.flags());
                    break;
                default:
                    ConversionWriter.number(out, asLong(value), c.base(), width, precision, c.flags());
                    break;
            }
        }
    }

    /** stap checks every dump size before it writes anything, so an oversized dump prints nothing. */
    private void checkMemoryDumps(List<?> args) {
        int ai = 0;
        for (Segment seg : segments) {
            if (seg instanceof Conversion c) {
                int precisionArg = ai + (c.widthDynamic() ? 1 : 0);
                if (c.dumpsMemory()) {
                    c.memoryDumpLength(c.precisionDynamic() ? asLong(args.get(precisionArg)) : 0);
                }
                ai += c.argCount();
            }
        }
    }

    private static int clamp(int v, int room) {
        return Math.min(Math.max(v, 0), room);
    }

    private static long asLong(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("expected a long argument, got " + describe(o));
    }

    private static String asString(Object o) {
        if (o instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expected a string argument, got " + describe(o));
    }

    private static byte[] asMemory(Object o, int need) {
        if (o instanceof byte[] b) {
            if (b.length < need) {
                throw new IllegalArgumentException("memory dump needs " + need + " bytes, got " + b.length);
            }
            return b;
        }
        if (o instanceof Number n) {
            throw new StapError(String.format("cannot dump memory at 0x%x: its contents were not read", n.longValue()));
        }
        throw new IllegalArgumentException("expected memory contents, got " + describe(o));
    }

    private static String describe(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return source;
    }
}
