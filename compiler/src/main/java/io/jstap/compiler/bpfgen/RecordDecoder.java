package io.jstap.compiler.bpfgen;

import io.jstap.compiler.format.FormatException;
import io.jstap.compiler.format.PrintfFormat;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.OutputRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes ring-buffer records written by kernel probes ({@link OutputRecord}'s layout): the header's
 * kind and id, then each argument (a Long, or a String read up to its NUL).
 */
public final class RecordDecoder {

    /** One record: its kind and its argument values in order. */
    public record Decoded(OutputRecord record, List<Object> args) {

        /**
         * The text the record stands for: PRINTF the formatted output; ERROR and WARNING the message
         * with the token it is near ({@code division by 0 near operator '/' at t.stp:3:9}); EXIT "".
         */
        public String text() {
            OutputRecord r = record;
            switch (r.kind()) {
                case PRINTF:
                    return format(r.text(), args);
                case ERROR:
                case WARNING:
                    return r.fullMessage(args.isEmpty() ? r.text() : format(r.text(), args));
                default:
                    return "";
            }
        }

        private static String format(String text, List<Object> args) {
            try {
                return PrintfFormat.parse(text).format(args);
            } catch (FormatException e) {
                throw new IllegalStateException("record format \"" + text + "\" does not parse", e);
            }
        }
    }

    private RecordDecoder() {
    }

    /** Decodes {@code length} bytes at {@code offset} of a little-endian buffer (absolute gets only). */
    public static Decoded decode(List<OutputRecord> records, ByteBuffer data, int offset, int length) {
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (length < OutputRecord.HEADER) {
            throw new IllegalArgumentException("record of " + length + " bytes has no header");
        }
        int kind = b.getInt(offset);
        int id = b.getInt(offset + 4);
        if (id < 0 || id >= records.size() || records.get(id).kind().ordinal() != kind) {
            throw new IllegalArgumentException("unknown record kind " + kind + " id " + id);
        }
        OutputRecord r = records.get(id);
        if (length < r.size()) {
            throw new IllegalArgumentException("record " + id + " has " + length + " bytes, expected " + r.size());
        }
        List<Object> args = new ArrayList<>(r.args().size());
        for (OutputRecord.Arg a : r.args()) {
            int at = offset + a.offset();
            if (a.type() == IrType.STRING) {
                args.add(cString(b, at, a.size()));
            } else {
                args.add(b.getLong(at));
            }
        }
        return new Decoded(r, args);
    }

    public static Decoded decode(List<OutputRecord> records, byte[] bytes) {
        return decode(records, ByteBuffer.wrap(bytes), 0, bytes.length);
    }

    /** The UTF-8 string at {@code at}, up to its NUL or {@code max} bytes. */
    static String cString(ByteBuffer b, int at, int max) {
        int n = 0;
        while (n < max && b.get(at + n) != 0) {
            n++;
        }
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = b.get(at + i);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
