package io.jstap.compiler.bpf;

import static io.jstap.compiler.bpf.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Golden bytes for every instruction class, checked against the encodings in the kernel UAPI. */
class EncodingTest {

    private static String enc(Consumer<Assembler> body) {
        Assembler a = new Assembler();
        body.accept(a);
        return Hex.of(a);
    }

    @Test
    void alu64Immediate() {
        assertEquals("b7 01 00 00 00 00 00 00", enc(a -> a.mov(R1, 0)));
        assertEquals("07 02 00 00 f8 ff ff ff", enc(a -> a.add(R2, -8)));
        assertEquals("17 03 00 00 01 00 00 00", enc(a -> a.sub(R3, 1)));
        assertEquals("27 01 00 00 03 00 00 00", enc(a -> a.mul(R1, 3)));
        assertEquals("37 01 00 00 0a 00 00 00", enc(a -> a.div(R1, 10)));
        assertEquals("97 01 00 00 0a 00 00 00", enc(a -> a.mod(R1, 10)));
        assertEquals("47 01 00 00 00 01 00 00", enc(a -> a.or(R1, 0x100)));
        assertEquals("57 01 00 00 07 00 00 00", enc(a -> a.and(R1, 7)));
        assertEquals("a7 09 00 00 ff 00 00 00", enc(a -> a.xor(R9, 0xff)));
        assertEquals("67 01 00 00 20 00 00 00", enc(a -> a.lsh(R1, 32)));
        assertEquals("77 01 00 00 20 00 00 00", enc(a -> a.rsh(R1, 32)));
        assertEquals("c7 01 00 00 3f 00 00 00", enc(a -> a.arsh(R1, 63)));
        assertEquals("87 05 00 00 00 00 00 00", enc(a -> a.neg(R5)));
    }

    @Test
    void alu64Register() {
        assertEquals("bf 16 00 00 00 00 00 00", enc(a -> a.mov(R6, R1)));
        assertEquals("0f 21 00 00 00 00 00 00", enc(a -> a.add(R1, R2)));
        assertEquals("1f 21 00 00 00 00 00 00", enc(a -> a.sub(R1, R2)));
        assertEquals("2f 21 00 00 00 00 00 00", enc(a -> a.mul(R1, R2)));
        assertEquals("3f 21 00 00 00 00 00 00", enc(a -> a.div(R1, R2)));
        assertEquals("9f 21 00 00 00 00 00 00", enc(a -> a.mod(R1, R2)));
        assertEquals("4f 21 00 00 00 00 00 00", enc(a -> a.or(R1, R2)));
        assertEquals("5f 21 00 00 00 00 00 00", enc(a -> a.and(R1, R2)));
        assertEquals("af 21 00 00 00 00 00 00", enc(a -> a.xor(R1, R2)));
        assertEquals("6f 21 00 00 00 00 00 00", enc(a -> a.lsh(R1, R2)));
        assertEquals("7f 21 00 00 00 00 00 00", enc(a -> a.rsh(R1, R2)));
        assertEquals("cf 21 00 00 00 00 00 00", enc(a -> a.arsh(R1, R2)));
        assertEquals("bf a2 00 00 00 00 00 00", enc(a -> a.mov(R2, R10)));
    }

    @Test
    void alu32() {
        assertEquals("b4 01 00 00 ff ff ff ff", enc(a -> a.mov32(R1, -1)));
        assertEquals("bc 21 00 00 00 00 00 00", enc(a -> a.mov32(R1, R2)));
        assertEquals("04 01 00 00 05 00 00 00", enc(a -> a.add32(R1, 5)));
        assertEquals("0c 21 00 00 00 00 00 00", enc(a -> a.add32(R1, R2)));
        assertEquals("14 01 00 00 05 00 00 00", enc(a -> a.sub32(R1, 5)));
        assertEquals("2c 21 00 00 00 00 00 00", enc(a -> a.mul32(R1, R2)));
        assertEquals("34 01 00 00 05 00 00 00", enc(a -> a.div32(R1, 5)));
        assertEquals("9c 21 00 00 00 00 00 00", enc(a -> a.mod32(R1, R2)));
        assertEquals("44 01 00 00 05 00 00 00", enc(a -> a.or32(R1, 5)));
        assertEquals("5c 21 00 00 00 00 00 00", enc(a -> a.and32(R1, R2)));
        assertEquals("a4 01 00 00 05 00 00 00", enc(a -> a.xor32(R1, 5)));
        assertEquals("64 01 00 00 1f 00 00 00", enc(a -> a.lsh32(R1, 31)));
        assertEquals("74 01 00 00 03 00 00 00", enc(a -> a.rsh32(R1, 3)));
        assertEquals("cc 21 00 00 00 00 00 00", enc(a -> a.arsh32(R1, R2)));
        assertEquals("84 01 00 00 00 00 00 00", enc(a -> a.neg32(R1)));
    }

    @Test
    void byteSwap() {
        assertEquals("dc 01 00 00 10 00 00 00", enc(a -> a.endian(R1, true, 16)));
        assertEquals("dc 01 00 00 40 00 00 00", enc(a -> a.endian(R1, true, 64)));
        assertEquals("d4 01 00 00 20 00 00 00", enc(a -> a.endian(R1, false, 32)));
        assertThrows(AsmException.class, () -> new Assembler().endian(R1, true, 8));
    }

    @Test
    void shiftsBeyondWidthAreRejected() {
        AsmException e = assertThrows(AsmException.class, () -> new Assembler().lsh(R1, 64));
        assertEquals("shift by 64 is outside 0..63", e.getMessage());
        assertThrows(AsmException.class, () -> new Assembler().rsh32(R1, 32));
        assertThrows(AsmException.class, () -> new Assembler().arsh(R1, -1));
    }

    @Test
    void loadsAndStores() {
        assertEquals("79 a0 f8 ff 00 00 00 00", enc(a -> a.ldx(Size.DW, R0, R10, -8)));
        assertEquals("61 61 10 00 00 00 00 00", enc(a -> a.ldx(Size.W, R1, R6, 16)));
        assertEquals("69 21 02 00 00 00 00 00", enc(a -> a.ldx(Size.H, R1, R2, 2)));
        assertEquals("71 21 03 00 00 00 00 00", enc(a -> a.ldx(Size.B, R1, R2, 3)));
        assertEquals("7b 1a f8 ff 00 00 00 00", enc(a -> a.stx(Size.DW, R10, -8, R1)));
        assertEquals("63 1a fc ff 00 00 00 00", enc(a -> a.stx(Size.W, R10, -4, R1)));
        assertEquals("6b 1a fe ff 00 00 00 00", enc(a -> a.stx(Size.H, R10, -2, R1)));
        assertEquals("73 1a ff ff 00 00 00 00", enc(a -> a.stx(Size.B, R10, -1, R1)));
        assertEquals("7a 0a f0 ff ff ff ff ff", enc(a -> a.st(Size.DW, R10, -16, -1)));
        assertEquals("62 0a fc ff 00 00 00 00", enc(a -> a.st(Size.W, R10, -4, 0)));
        assertEquals("6a 0a fe ff 34 12 00 00", enc(a -> a.st(Size.H, R10, -2, 0x1234)));
        assertEquals("72 0a ff ff 41 00 00 00", enc(a -> a.st(Size.B, R10, -1, 'A')));
    }

    @Test
    void offsetOutsideSixteenBitsIsRejected() {
        AsmException e = assertThrows(AsmException.class, () -> new Assembler().ldx(Size.W, R1, R2, 40000));
        assertEquals("offset 40000 does not fit the instruction's 16-bit field", e.getMessage());
    }

    @Test
    void atomics() {
        assertEquals("db 10 00 00 00 00 00 00", enc(a -> a.atomicAdd(Size.DW, R0, 0, R1, false)));
        assertEquals("db 10 00 00 01 00 00 00", enc(a -> a.atomicAdd(Size.DW, R0, 0, R1, true)));
        assertEquals("c3 10 08 00 00 00 00 00", enc(a -> a.atomicAdd(Size.W, R0, 8, R1, false)));
        assertEquals("db 21 00 00 40 00 00 00", enc(a -> a.atomicOr(Size.DW, R1, 0, R2, false)));
        assertEquals("db 21 00 00 41 00 00 00", enc(a -> a.atomicOr(Size.DW, R1, 0, R2, true)));
        assertEquals("db 21 00 00 50 00 00 00", enc(a -> a.atomicAnd(Size.DW, R1, 0, R2, false)));
        assertEquals("c3 21 00 00 51 00 00 00", enc(a -> a.atomicAnd(Size.W, R1, 0, R2, true)));
        assertEquals("db 21 00 00 a0 00 00 00", enc(a -> a.atomicXor(Size.DW, R1, 0, R2, false)));
        assertEquals("db 21 00 00 a1 00 00 00", enc(a -> a.atomicXor(Size.DW, R1, 0, R2, true)));
        assertEquals("db 21 00 00 e1 00 00 00", enc(a -> a.atomicXchg(Size.DW, R1, 0, R2)));
        assertEquals("c3 21 fc ff f1 00 00 00", enc(a -> a.atomicCmpxchg(Size.W, R1, -4, R2)));
        AsmException e = assertThrows(AsmException.class,
                () -> new Assembler().atomicAdd(Size.B, R0, 0, R1, false));
        assertEquals("atomic operations are 32 or 64 bits wide, not u8", e.getMessage());
    }

    @Test
    void ldImm64TakesTwoSlots() {
        Program p = new Assembler().ldImm64(R1, 0x1122334455667788L).build();
        assertEquals(2, p.insnCount());
        assertEquals("18 01 00 00 88 77 66 55 | 00 00 00 00 44 33 22 11", Hex.of(p.bytes()));
        assertEquals("18 02 00 00 ff ff ff ff | 00 00 00 00 ff ff ff ff", enc(a -> a.ldImm64(R2, -1L)));
    }

    @Test
    void mapReferences() {
        MapRef counts = new MapRef("counts");
        MapRef fmt = new MapRef("fmt");
        Program p = new Assembler().ldMapFd(R1, counts).ldMapValue(R3, fmt, 8).build();
        assertEquals(4, p.insnCount());
        assertEquals("18 11 00 00 00 00 00 00 | 00 00 00 00 00 00 00 00 | "
                + "18 23 00 00 00 00 00 00 | 00 00 00 00 08 00 00 00", Hex.of(p.bytes()));
        assertEquals("18 11 00 00 07 00 00 00 | 00 00 00 00 00 00 00 00 | "
                        + "18 23 00 00 09 00 00 00 | 00 00 00 00 08 00 00 00",
                Hex.of(p.bytesWithFds(m -> m.equals(counts) ? 7 : 9)));
        assertEquals(java.util.List.of(new MapReloc(0, counts, false), new MapReloc(2, fmt, true)), p.relocs());
    }

    @Test
    void conditionalJumps() {
        // each jumps over nothing to the instruction right after it: offset 0
        String[][] cases = {
            {"jeq", "15", "1d"}, {"jne", "55", "5d"}, {"jgt", "25", "2d"}, {"jge", "35", "3d"},
            {"jlt", "a5", "ad"}, {"jle", "b5", "bd"}, {"jsgt", "65", "6d"}, {"jsge", "75", "7d"},
            {"jslt", "c5", "cd"}, {"jsle", "d5", "dd"}, {"jset", "45", "4d"},
        };
        for (String[] c : cases) {
            JmpOp op = JmpOp.valueOf(c[0].toUpperCase(java.util.Locale.ROOT));
            for (boolean is64 : new boolean[] {true, false}) {
                int cls = is64 ? 0 : 1; // JMP32 = JMP + 1 in the low bits
                String k = String.format("%02x", Integer.parseInt(c[1], 16) + cls);
                String x = String.format("%02x", Integer.parseInt(c[2], 16) + cls);
                assertEquals(k + " 03 00 00 2a 00 00 00 | 95 00 00 00 00 00 00 00",
                        enc(a -> { Label l = a.newLabel(); a.jmp(op, is64, R3, 42, l).bind(l).exit(); }), c[0]);
                assertEquals(x + " 43 00 00 00 00 00 00 | 95 00 00 00 00 00 00 00",
                        enc(a -> { Label l = a.newLabel(); a.jmp(op, is64, R3, R4, l).bind(l).exit(); }), c[0]);
            }
        }
    }

    @Test
    void namedJumpsMatchGenericForm() {
        assertEquals("15 00 00 00 00 00 00 00 | 95 00 00 00 00 00 00 00",
                enc(a -> { Label l = a.newLabel(); a.jeq(R0, 0, l).bind(l).exit(); }));
        assertEquals("5e 21 00 00 00 00 00 00 | 95 00 00 00 00 00 00 00",
                enc(a -> { Label l = a.newLabel(); a.jne32(R1, R2, l).bind(l).exit(); }));
        assertEquals("c6 01 00 00 00 00 00 00 | 95 00 00 00 00 00 00 00",
                enc(a -> { Label l = a.newLabel(); a.jslt32(R1, 0, l).bind(l).exit(); }));
    }

    @Test
    void callsAndExit() {
        assertEquals("85 00 00 00 01 00 00 00", enc(a -> a.call(Helper.MAP_LOOKUP_ELEM)));
        assertEquals("85 00 00 00 82 00 00 00", enc(a -> a.call(Helper.RINGBUF_OUTPUT)));
        assertEquals("85 00 00 00 d0 00 00 00", enc(a -> a.callHelperId(208)));
        assertEquals("95 00 00 00 00 00 00 00", enc(Assembler::exit));
    }

    @Test
    void rawInsnRoundTrip() {
        Insn in = new Insn(0x79, 0, 10, (short) -8, 0);
        assertEquals("79 a0 f8 ff 00 00 00 00", Hex.of(in.bytes()));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(in.bytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(in, Insn.decode(b));
        assertThrows(IllegalArgumentException.class, () -> new Insn(0x100, 0, 0, (short) 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Insn(0xb7, 16, 0, (short) 0, 0));
    }
}
