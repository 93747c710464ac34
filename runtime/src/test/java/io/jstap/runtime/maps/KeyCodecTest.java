package io.jstap.runtime.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.MapDef;
import io.jstap.runtime.session.Modules;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyCodecTest {

    private static final MapDef LONG_STRING = Modules.array("a", List.of(IrType.LONG, IrType.STRING), IrType.LONG,
            100, false);

    @Test
    void longThenStringLaidOutLittleEndianAndNulPadded() {
        KeyCodec c = new KeyCodec(LONG_STRING);
        assertEquals(8 + 128, c.keySize());
        byte[] out = new byte[c.keySize()];
        Arrays.fill(out, (byte) 0x55); // stale bytes must not survive
        c.encode(List.of(0x0102030405060708L, "sshd"), out);
        byte[] expected = new byte[136];
        byte[] le = {8, 7, 6, 5, 4, 3, 2, 1};
        System.arraycopy(le, 0, expected, 0, 8);
        expected[8] = 's';
        expected[9] = 's';
        expected[10] = 'h';
        expected[11] = 'd';
        assertArrayEquals(expected, out);
        assertEquals(List.of(0x0102030405060708L, "sshd"), c.decode(out, 0));
    }

    @Test
    void negativeLongsAndEmptyStringsRoundTrip() {
        KeyCodec c = new KeyCodec(LONG_STRING);
        byte[] out = new byte[c.keySize() + 3];
        c.encode(List.of(-2L, ""), out);
        assertEquals((byte) 0xfe, out[0]);
        assertEquals((byte) 0xff, out[7]);
        assertEquals(List.of(-2L, ""), c.decode(out, 0));
    }

    @Test
    void decodeAtAnOffsetOfABatchBuffer() {
        KeyCodec c = new KeyCodec(LONG_STRING);
        byte[] batch = new byte[3 * c.keySize()];
        byte[] one = new byte[c.keySize()];
        for (int i = 0; i < 3; i++) {
            c.encode(List.of((long) i, "k" + i), one);
            System.arraycopy(one, 0, batch, i * c.keySize(), one.length);
        }
        assertEquals(List.of(2L, "k2"), c.decode(batch, 2 * c.keySize()));
    }

    @Test
    void stringsAreCutToWidthMinusOneBetweenCharacters() {
        MapDef narrow = new MapDef("n", MapDef.MapKind.HASH, 6, 8, 10, MapDef.Role.GLOBAL,
                io.jstap.compiler.ir.GlobalDecl.array("n", List.of(IrType.STRING), IrType.LONG, Modules.LOC),
                List.of(new MapDef.KeyField(IrType.STRING, 0, 6)), MapDef.ValueLayout.ofLong());
        KeyCodec c = new KeyCodec(narrow);
        byte[] out = new byte[6];
        c.encode(List.of("abcdefgh"), out);
        assertArrayEquals(new byte[] {'a', 'b', 'c', 'd', 'e', 0}, out);
        c.encode(List.of("abcé"), out); // é is 2 bytes: 5 bytes fit exactly
        assertEquals(List.of("abcé"), c.decode(out, 0));
        c.encode(List.of("abcdé"), out); // é would need bytes 4-5: dropped whole
        assertArrayEquals(new byte[] {'a', 'b', 'c', 'd', 0, 0}, out);
    }

    @Test
    void scalarKeyIsIndexZero() {
        KeyCodec c = new KeyCodec(Modules.scalar("x", IrType.LONG, false));
        byte[] out = {9, 9, 9, 9};
        c.encode(List.of(), out);
        assertArrayEquals(new byte[4], out);
        assertEquals(List.of(), c.decode(out, 0));
    }

    @Test
    void wrongKeysAreRejected() {
        KeyCodec c = new KeyCodec(LONG_STRING);
        byte[] out = new byte[c.keySize()];
        assertEquals("a takes 2 keys, got 1",
                assertThrows(IllegalArgumentException.class, () -> c.encode(List.of(1L), out)).getMessage());
        assertEquals("a: key 2 must be a string, got 3",
                assertThrows(IllegalArgumentException.class, () -> c.encode(List.of(1L, 3L), out)).getMessage());
    }
}
