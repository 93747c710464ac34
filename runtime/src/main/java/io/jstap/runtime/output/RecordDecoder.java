package io.jstap.runtime.output;

import io.jstap.compiler.format.FormatException;
import io.jstap.compiler.format.PrintfFormat;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.OutputRecord;
import io.jstap.runtime.kernel.RecordSink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the ring buffer's records into output, in the order the kernel committed them. A record is the
 * header (u32 {@link OutputRecord.Kind} ordinal, u32 record id) and its arguments at their offsets: longs
 * as s64, strings as NUL-terminated bytes of their slot width.
 * <ul>
 * <li>PRINTF: the record's format applied to its arguments, printed as text.</li>
 * <li>EXIT: asks the run to stop ({@link Control#exitRequested}).</li>
 * <li>ERROR: a run-time error in a kernel probe ({@link Control#runtimeError}). The message is the record's
 * text, or with arguments the text as a printf format over them ({@code error(msg)} carries {@code "%s"}
 * and the string), followed by the token it happened near ({@link OutputRecord#fullMessage}): stap's
 * {@code ERROR: division by 0 near operator '/' at t.stp:3:9}.</li>
 * <li>WARNING: {@code warn(msg)}: the message likewise, as a warning.</li>
 * </ul>
 * Decoding reuses one argument list per record kind (longs in mutable holders, the last decoded string of
 * each slot kept while the bytes repeat), so a record allocates nothing but the text it produces.
 * Runs on the ring buffer reader's thread and never throws: malformed records become one warning.
 */
public final class RecordDecoder implements RecordSink {

    /** What a record asks of the run. */
    public interface Control {
        /** A kernel probe called {@code exit()}. */
        void exitRequested();

        /** A kernel probe failed; {@code message} is what follows {@code ERROR: }. */
        void runtimeError(String message);
    }

    private static final int HEADER = OutputRecord.HEADER;

    private final Output out;
    private final Control control;
    private final Plan[] plans;
    private final StringBuilder text = new StringBuilder(256);
    private long malformed;

    /** A long argument, updated in place for each record (PrintfFormat takes any Number). */
    private static final class MutableLong extends Number {
        private static final long serialVersionUID = 1L;
        long value;

        @Override
        public long longValue() {
            return value;
        }

        @Override
        public int intValue() {
            return (int) value;
        }

        @Override
        public float floatValue() {
            return value;
        }

        @Override
        public double doubleValue() {
            return value;
        }
    }

    /** Everything needed to decode one record kind, built once. */
    private static final class Plan {
        final OutputRecord record;
        final PrintfFormat format;
        final int[] offsets;
        final int[] widths;
        final boolean[] isString;
        final Object[] values;
        final List<Object> args;
        final byte[][] lastBytes;
        final int[] lastLength;
        final byte[] scratch;
        final int minLength;

        Plan(OutputRecord r) {
            this.record = r;
            int n = r.args().size();
            offsets = new int[n];
            widths = new int[n];
            isString = new boolean[n];
            values = new Object[n];
            lastBytes = new byte[n][];
            lastLength = new int[n];
            int need = HEADER;
            int widest = 0;
            for (int i = 0; i < n; i++) {
                OutputRecord.Arg a = r.args().get(i);
                offsets[i] = a.offset();
                widths[i] = a.size();
                if (a.type() == IrType.LONG && a.size() == 8) {
                    values[i] = new MutableLong();
                } else if (a.type() == IrType.STRING && a.size() > 0) {
                    isString[i] = true;
                    values[i] = "";
                    lastBytes[i] = new byte[a.size()];
                    widest = Math.max(widest, a.size());
                } else {
                    throw new IllegalArgumentException("output record " + r.id() + ": argument " + (i + 1)
                            + " is " + a.type() + " of " + a.size() + " bytes; records carry 8-byte longs and strings");
                }
                if (a.offset() < HEADER) {
                    throw new IllegalArgumentException("output record " + r.id() + ": argument " + (i + 1)
                            + " overlaps the header");
                }
                need = Math.max(need, a.offset() + a.size());
            }
            minLength = need;
            scratch = new byte[widest];
            args = Arrays.asList(values);
            boolean formatted = r.kind() == OutputRecord.Kind.PRINTF || n > 0;
            format = formatted ? parse(r) : null;
            if (format != null && format.argKinds().size() != n) {
                throw new IllegalArgumentException("output record " + r.id() + ": format \"" + r.text() + "\" takes "
                        + format.argKinds().size() + " arguments, the record carries " + n);
            }
        }

        private static PrintfFormat parse(OutputRecord r) {
            try {
                return PrintfFormat.parse(r.text());
            } catch (FormatException e) {
                throw new IllegalArgumentException("output record " + r.id() + ": bad format \"" + r.text() + "\": "
                        + e.getMessage(), e);
            }
        }

        /** Reads the arguments of the record at {@code off}. */
        void read(ByteBuffer data, int off) {
            for (int i = 0; i < values.length; i++) {
                if (!isString[i]) {
                    ((MutableLong) values[i]).value = data.getLong(off + offsets[i]);
                    continue;
                }
                int w = widths[i];
                data.get(off + offsets[i], scratch, 0, w);
                int len = 0;
                while (len < w && scratch[len] != 0) {
                    len++;
                }
                byte[] last = lastBytes[i];
                if (len != lastLength[i] || !Arrays.equals(scratch, 0, len, last, 0, len)) {
                    values[i] = new String(scratch, 0, len, StandardCharsets.UTF_8);
                    System.arraycopy(scratch, 0, last, 0, len);
                    lastLength[i] = len;
                }
            }
        }
    }

    /**
     * @throws IllegalArgumentException if a record of the module cannot be decoded (a compiler bug)
     */
    public RecordDecoder(Module module, Output out, Control control) {
        this.out = out;
        this.control = control;
        int max = -1;
        for (OutputRecord r : module.records()) {
            max = Math.max(max, r.id());
        }
        this.plans = new Plan[max + 1];
        for (OutputRecord r : module.records()) {
            if (r.id() < 0 || plans[r.id()] != null) {
                throw new IllegalArgumentException("output record id " + r.id() + " is negative or repeated");
            }
            plans[r.id()] = new Plan(r);
        }
    }

    @Override
    public void onRecord(ByteBuffer data, int offset, int length) {
        try {
            decode(data, offset, length);
        } catch (RuntimeException e) {
            // a formatting failure at run time (e.g. an impossible conversion) is the probe's error
            control.runtimeError(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void decode(ByteBuffer data, int offset, int length) {
        if (length < HEADER) {
            malformed("a record of " + length + " bytes has no header");
            return;
        }
        int kind = data.getInt(offset);
        int id = data.getInt(offset + 4);
        Plan p = id >= 0 && id < plans.length ? plans[id] : null;
        if (p == null || kind != p.record.kind().ordinal() || length < p.minLength) {
            malformed("record id " + id + " of kind " + kind + " and " + length + " bytes matches no record of the module");
            return;
        }
        p.read(data, offset);
        switch (p.record.kind()) {
            case PRINTF:
                text.setLength(0);
                p.format.appendTo(text, p.args);
                out.print(text);
                break;
            case EXIT:
                control.exitRequested();
                break;
            case ERROR:
                control.runtimeError(p.record.fullMessage(message(p)));
                break;
            default:
                out.warning(p.record.fullMessage(message(p)));
                break;
        }
    }

    private static String message(Plan p) {
        return p.format == null ? p.record.text() : p.format.sprintf(p.args, PrintfFormat.STP_BUFFER_SIZE);
    }

    private void malformed(String why) {
        if (malformed++ == 0) {
            out.warning("malformed output record from a kernel probe (" + why + "); further ones are counted");
        }
    }

    @Override
    public void onDrained() {
        out.flush();
    }

    /** Records that matched no record of the module. */
    public long malformed() {
        return malformed;
    }
}
