package io.jstap.runtime.maps;

import io.jstap.compiler.format.Utf8;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.MapDef;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of a global's map keys, laid out as the code generator does (DESIGN §4): each field at
 * its offset, longs as little-endian s64, strings as UTF-8 cut between characters to width-1 bytes
 * and NUL padded. A scalar's key is the u32 0 of its one-entry array.
 */
public final class KeyCodec {

    private static final VarHandle S64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String name;
    private final int keySize;
    private final List<MapDef.KeyField> fields;

    public KeyCodec(MapDef def) {
        this.name = def.name();
        this.keySize = def.keySize();
        this.fields = def.keyFields();
        for (MapDef.KeyField f : fields) {
            boolean fits = f.offset() >= 0 && f.offset() + f.size() <= keySize;
            boolean sized = f.type() == IrType.LONG ? f.size() == 8 : f.type() == IrType.STRING && f.size() >= 1;
            if (!fits || !sized) {
                throw new IllegalArgumentException("map " + name + ": bad key field " + f + " in a "
                        + keySize + "-byte key");
            }
        }
        if (fields.isEmpty() && keySize != 4) {
            throw new IllegalArgumentException("map " + name + ": a scalar's key is a 4-byte index, not "
                    + keySize + " bytes");
        }
    }

    public int keySize() {
        return keySize;
    }

    /** Number of key fields (0 for scalars). */
    public int arity() {
        return fields.size();
    }

    /** Writes {@code key} into {@code out[0, keySize)}; every byte not covered by a field is zero. */
    public void encode(List<Object> key, byte[] out) {
        if (key.size() != fields.size()) {
            throw new IllegalArgumentException(name + " takes " + fields.size() + " keys, got " + key.size());
        }
        Arrays.fill(out, 0, keySize, (byte) 0);
        for (int i = 0; i < fields.size(); i++) {
            MapDef.KeyField f = fields.get(i);
            Object k = key.get(i);
            if (f.type() == IrType.LONG) {
                if (!(k instanceof Long l)) {
                    throw new IllegalArgumentException(name + ": key " + (i + 1) + " must be a long, got " + k);
                }
                S64.set(out, f.offset(), (long) l);
            } else {
                if (!(k instanceof String s)) {
                    throw new IllegalArgumentException(name + ": key " + (i + 1) + " must be a string, got " + k);
                }
                byte[] b = Utf8.encode(Utf8.truncate(s, f.size() - 1));
                System.arraycopy(b, 0, out, f.offset(), b.length);
            }
        }
    }

    /** Reads the key stored at {@code buf[off, off + keySize)}. */
    public List<Object> decode(byte[] buf, int off) {
        if (fields.isEmpty()) {
            return List.of();
        }
        Object[] out = new Object[fields.size()];
        for (int i = 0; i < out.length; i++) {
            MapDef.KeyField f = fields.get(i);
            out[i] = f.type() == IrType.LONG ? (Object) (long) S64.get(buf, off + f.offset())
                    : cString(buf, off + f.offset(), f.size());
        }
        return List.of(out);
    }

    /** The NUL-terminated UTF-8 string in {@code buf[off, off + width)}. */
    static String cString(byte[] buf, int off, int width) {
        int end = off;
        int limit = off + width;
        while (end < limit && buf[end] != 0) {
            end++;
        }
        return end == off ? "" : new String(buf, off, end - off, StandardCharsets.UTF_8);
    }
}
