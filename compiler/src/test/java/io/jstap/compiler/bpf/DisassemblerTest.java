package io.jstap.compiler.bpf;

import static io.jstap.compiler.bpf.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class DisassemblerTest {

    /** The syscall counter: count[syscall_nr] += 1 in an array map. */
    @Test
    void smallProgramGolden() {
        MapRef map = new MapRef("syscalllist");
        Assembler a = new Assembler();
        Label out = a.newLabel();
        a.sourceLine("probe kernel.trace(\"raw_syscalls:sys_enter\") {")
                .comment("key = $id")
                .ldx(Size.DW, R1, R1, 8)
                .stx(Size.W, R10, -4, R1)
                .sourceLine("  count[$id]++")
                .ldMapFd(R1, map)
                .mov(R2, R10)
                .add(R2, -4)
                .call(Helper.MAP_LOOKUP_ELEM)
                .jeq(R0, 0, out)
                .mov(R1, 1)
                .atomicAdd(Size.DW, R0, 0, R1, false)
                .bind(out)
                .comment("return 0")
                .mov(R0, 0)
                .exit();
        String expected = String.join("\n",
                "; probe kernel.trace(\"raw_syscalls:sys_enter\") {",
                "; key = $id",
                "  0: (79) r1 = *(u64 *)(r1 +8)",
                "  1: (63) *(u32 *)(r10 -4) = r1",
                ";   count[$id]++",
                "  2: (18) r1 = map[syscalllist] ll",
                "  4: (bf) r2 = r10",
                "  5: (07) r2 += -4",
                "  6: (85) call map_lookup_elem#1",
                "  7: (15) if r0 == 0x0 goto pc+2 <L0>",
                "  8: (b7) r1 = 1",
                "  9: (db) lock *(u64 *)(r0 +0) += r1",
                "L0:",
                "; return 0",
                " 10: (b7) r0 = 0",
                " 11: (95) exit",
                "");
        Program p = a.build();
        assertEquals(expected, Disassembler.disassemble(p));
        assertEquals(12, p.insnCount());
        assertEquals("probe kernel.trace(\"raw_syscalls:sys_enter\") {\nkey = $id", p.annotations().get(0));
    }

    @Test
    void rawImageShowsFdsInsteadOfNames() {
        Program p = new Assembler().ldMapFd(R1, new MapRef("m")).ldMapValue(R2, new MapRef("fmt"), 16)
                .mov(R0, 0).exit().build();
        assertEquals(String.join("\n",
                "  0: (18) r1 = map[fd:5] ll",
                "  2: (18) r2 = map[fd:6][0]+16 ll",
                "  4: (b7) r0 = 0",
                "  5: (95) exit",
                ""), Disassembler.disassemble(p.bytesWithFds(m -> m.name().equals("m") ? 5 : 6)));
    }

    /** One line per form: the assembler call and the text the kernel verifier would print for it. */
    private static final List<Object[]> FORMS = new ArrayList<>();

    private static void form(String text, BiConsumer<Assembler, Label> body) {
        FORMS.add(new Object[] {text, body});
    }

    static {
        form("r1 = 0", (a, l) -> a.mov(R1, 0));
        form("r6 = r1", (a, l) -> a.mov(R6, R1));
        form("r1 += -8", (a, l) -> a.add(R1, -8));
        form("r1 += r2", (a, l) -> a.add(R1, R2));
        form("r1 -= 1", (a, l) -> a.sub(R1, 1));
        form("r1 -= r2", (a, l) -> a.sub(R1, R2));
        form("r1 *= 3", (a, l) -> a.mul(R1, 3));
        form("r1 *= r2", (a, l) -> a.mul(R1, R2));
        form("r1 /= 10", (a, l) -> a.div(R1, 10));
        form("r1 /= r2", (a, l) -> a.div(R1, R2));
        form("r1 %= 10", (a, l) -> a.mod(R1, 10));
        form("r1 %= r2", (a, l) -> a.mod(R1, R2));
        form("r1 |= 4", (a, l) -> a.or(R1, 4));
        form("r1 |= r2", (a, l) -> a.or(R1, R2));
        form("r1 &= 7", (a, l) -> a.and(R1, 7));
        form("r1 &= r2", (a, l) -> a.and(R1, R2));
        form("r1 ^= 255", (a, l) -> a.xor(R1, 255));
        form("r1 ^= r2", (a, l) -> a.xor(R1, R2));
        form("r1 <<= 32", (a, l) -> a.lsh(R1, 32));
        form("r1 <<= r2", (a, l) -> a.lsh(R1, R2));
        form("r1 >>= 32", (a, l) -> a.rsh(R1, 32));
        form("r1 >>= r2", (a, l) -> a.rsh(R1, R2));
        form("r1 s>>= 63", (a, l) -> a.arsh(R1, 63));
        form("r1 s>>= r2", (a, l) -> a.arsh(R1, R2));
        form("r1 = -r1", (a, l) -> a.neg(R1));
        form("w1 = -1", (a, l) -> a.mov32(R1, -1));
        form("w1 = w2", (a, l) -> a.mov32(R1, R2));
        form("w1 += 5", (a, l) -> a.add32(R1, 5));
        form("w1 -= w2", (a, l) -> a.sub32(R1, R2));
        form("w1 *= 2", (a, l) -> a.mul32(R1, 2));
        form("w1 /= w2", (a, l) -> a.div32(R1, R2));
        form("w1 %= 3", (a, l) -> a.mod32(R1, 3));
        form("w1 |= w2", (a, l) -> a.or32(R1, R2));
        form("w1 &= 1", (a, l) -> a.and32(R1, 1));
        form("w1 ^= w2", (a, l) -> a.xor32(R1, R2));
        form("w1 <<= 31", (a, l) -> a.lsh32(R1, 31));
        form("w1 >>= w2", (a, l) -> a.rsh32(R1, R2));
        form("w1 s>>= 1", (a, l) -> a.arsh32(R1, 1));
        form("w1 = -w1", (a, l) -> a.neg32(R1));
        form("w1 -= 5", (a, l) -> a.sub32(R1, 5));
        form("w1 += w2", (a, l) -> a.add32(R1, R2));
        form("w1 *= w2", (a, l) -> a.mul32(R1, R2));
        form("w1 /= 4", (a, l) -> a.div32(R1, 4));
        form("w1 %= w2", (a, l) -> a.mod32(R1, R2));
        form("w1 |= 8", (a, l) -> a.or32(R1, 8));
        form("w1 &= w2", (a, l) -> a.and32(R1, R2));
        form("w1 ^= 1", (a, l) -> a.xor32(R1, 1));
        form("w1 <<= w2", (a, l) -> a.lsh32(R1, R2));
        form("w1 >>= 2", (a, l) -> a.rsh32(R1, 2));
        form("w1 s>>= w2", (a, l) -> a.arsh32(R1, R2));
        form("r1 = be16 r1", (a, l) -> a.endian(R1, true, 16));
        form("r1 = le64 r1", (a, l) -> a.endian(R1, false, 64));
        form("r0 = *(u64 *)(r10 -8)", (a, l) -> a.ldx(Size.DW, R0, R10, -8));
        form("r1 = *(u32 *)(r6 +16)", (a, l) -> a.ldx(Size.W, R1, R6, 16));
        form("r1 = *(u16 *)(r2 +0)", (a, l) -> a.ldx(Size.H, R1, R2, 0));
        form("r1 = *(u8 *)(r2 +3)", (a, l) -> a.ldx(Size.B, R1, R2, 3));
        form("*(u64 *)(r10 -8) = r1", (a, l) -> a.stx(Size.DW, R10, -8, R1));
        form("*(u32 *)(r10 -4) = r1", (a, l) -> a.stx(Size.W, R10, -4, R1));
        form("*(u16 *)(r10 -2) = r1", (a, l) -> a.stx(Size.H, R10, -2, R1));
        form("*(u8 *)(r10 -1) = r1", (a, l) -> a.stx(Size.B, R10, -1, R1));
        form("*(u64 *)(r10 -16) = -1", (a, l) -> a.st(Size.DW, R10, -16, -1));
        form("*(u32 *)(r10 -4) = 0", (a, l) -> a.st(Size.W, R10, -4, 0));
        form("*(u16 *)(r10 -2) = 7", (a, l) -> a.st(Size.H, R10, -2, 7));
        form("*(u8 *)(r10 -1) = 65", (a, l) -> a.st(Size.B, R10, -1, 65));
        form("lock *(u64 *)(r0 +0) += r1", (a, l) -> a.atomicAdd(Size.DW, R0, 0, R1, false));
        form("lock *(u32 *)(r0 +4) += r1", (a, l) -> a.atomicAdd(Size.W, R0, 4, R1, false));
        form("r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)", (a, l) -> a.atomicAdd(Size.DW, R0, 0, R1, true));
        form("lock *(u64 *)(r0 +0) |= r1", (a, l) -> a.atomicOr(Size.DW, R0, 0, R1, false));
        form("r1 = atomic_fetch_or((u32 *)(r0 +0), r1)", (a, l) -> a.atomicOr(Size.W, R0, 0, R1, true));
        form("lock *(u64 *)(r0 +0) &= r1", (a, l) -> a.atomicAnd(Size.DW, R0, 0, R1, false));
        form("r1 = atomic64_fetch_and((u64 *)(r0 +0), r1)", (a, l) -> a.atomicAnd(Size.DW, R0, 0, R1, true));
        form("lock *(u64 *)(r0 +0) ^= r1", (a, l) -> a.atomicXor(Size.DW, R0, 0, R1, false));
        form("r1 = atomic64_fetch_xor((u64 *)(r0 +0), r1)", (a, l) -> a.atomicXor(Size.DW, R0, 0, R1, true));
        form("r2 = atomic64_xchg((u64 *)(r1 +8), r2)", (a, l) -> a.atomicXchg(Size.DW, R1, 8, R2));
        form("r0 = atomic_cmpxchg((u32 *)(r1 +0), r0, r2)", (a, l) -> a.atomicCmpxchg(Size.W, R1, 0, R2));
        form("r1 = 0x1122334455667788 ll", (a, l) -> a.ldImm64(R1, 0x1122334455667788L));
        form("r1 = 0xffffffffffffffff ll", (a, l) -> a.ldImm64(R1, -1L));
        form("r2 = func pc+2 <L0>", (a, l) -> a.ldFuncAddr(R2, l));
        form("goto pc+1 <L0>", (a, l) -> a.ja(l));
        form("call pc+1 <L0>", (a, l) -> a.callLocal(l));
        form("call get_current_pid_tgid#14", (a, l) -> a.call(Helper.GET_CURRENT_PID_TGID));
        form("call unknown#9999", (a, l) -> a.callHelperId(9999));
        form("exit", (a, l) -> a.exit());
        for (JmpOp op : JmpOp.values()) {
            form("if r3 " + op.symbol() + " 0x2a goto pc+1 <L0>", (a, l) -> a.jmp(op, true, R3, 42, l));
            form("if r3 " + op.symbol() + " r4 goto pc+1 <L0>", (a, l) -> a.jmp(op, true, R3, R4, l));
            form("if w3 " + op.symbol() + " 0xffffffff goto pc+1 <L0>", (a, l) -> a.jmp(op, false, R3, -1, l));
            form("if w3 " + op.symbol() + " w4 goto pc+1 <L0>", (a, l) -> a.jmp(op, false, R3, R4, l));
        }
    }

    /**
     * Each form assembled as {@code form; r0 = 0; L0: exit} prints as expected, and the raw bytes decode to the
     * same instructions and the same listing.
     */
    @Test
    void everyFormPrintsAndRoundTrips() {
        java.util.Set<Integer> opcodes = new java.util.TreeSet<>();
        for (Object[] f : FORMS) {
            String text = (String) f[0];
            @SuppressWarnings("unchecked")
            BiConsumer<Assembler, Label> body = (BiConsumer<Assembler, Label>) f[1];
            Assembler a = new Assembler();
            Label l = a.newLabel();
            body.accept(a, l);
            a.mov(R0, 0).bind(l).exit();
            Program p = a.build();
            opcodes.add(p.insns().get(0).opcode());
            String listing = Disassembler.disassemble(p);
            String first = listing.substring(0, listing.indexOf('\n'));
            assertEquals(String.format("  0: (%02x) %s", p.insns().get(0).opcode(), text), first, text);
            Program decoded = Program.fromBytes(p.bytes());
            assertEquals(p.insns(), decoded.insns(), text);
            assertEquals(listing, Disassembler.disassemble(p.bytes()), text);
        }
        // every opcode the assembler can emit: 2 x 25 ALU, 2 END, 12 load/store, 2 atomic, ld_imm64,
        // ja/call/exit and 44 conditional jumps
        assertEquals(114, opcodes.size(), opcodes.stream().map(Integer::toHexString).toList().toString());
    }

    /** Every possible opcode byte disassembles without an exception; invalid ones say so. */
    @Test
    void allOpcodeBytesAreHandled() {
        int unknown = 0;
        for (int op = 0; op < 256; op++) {
            byte[] image = new byte[16];
            image[0] = (byte) op;
            image[1] = 0x21;
            String text = Disassembler.disassemble(image);
            assertTrue(text.startsWith(String.format("  0: (%02x) ", op)), text);
            if (text.substring(0, text.indexOf('\n')).contains("unknown instruction")) {
                unknown++;
            }
        }
        // spot checks of both outcomes
        assertTrue(Disassembler.disassemble(new byte[] {(byte) 0xe7, 0x21, 0, 0, 0, 0, 0, 0})
                .contains("unknown instruction e7 21 00 00 00 00 00 00"));
        assertFalse(Disassembler.disassemble(new byte[] {(byte) 0xb7, 1, 0, 0, 0, 0, 0, 0}).contains("unknown"));
        assertTrue(unknown > 100 && unknown < 200, "unknown opcodes: " + unknown);
    }

    @Test
    void annotationsAfterLastInstructionArePrinted() {
        Program p = new Assembler().mov(R0, 0).exit().comment("end of probe").build();
        assertEquals("  0: (b7) r0 = 0\n  1: (95) exit\n; end of probe\n", Disassembler.disassemble(p));
    }

    @Test
    void repeatedSourceLineIsShownOnce() {
        Program p = new Assembler().sourceLine("x = 1").mov(R1, 1).sourceLine("x = 1").mov(R0, 0).exit().build();
        assertEquals("; x = 1\n  0: (b7) r1 = 1\n  1: (b7) r0 = 0\n  2: (95) exit\n", Disassembler.disassemble(p));
    }
}
