package io.jstap.compiler.bpf;

import static io.jstap.compiler.bpf.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelTest {

    @Test
    void forwardJump() {
        Assembler a = new Assembler();
        Label out = a.newLabel();
        a.jeq(R0, 0, out).mov(R1, 1).mov(R2, 2).bind(out).exit();
        Program p = a.build();
        assertEquals(2, p.insns().get(0).off());
    }

    @Test
    void backwardJump() {
        Assembler a = new Assembler();
        Label top = a.newLabel();
        a.mov(R1, 0).bind(top).add(R1, 1).jlt(R1, 10, top).mov(R0, 0).exit();
        Program p = a.build();
        // jump at slot 2 to slot 1: 1 - (2 + 1) = -2
        assertEquals(-2, p.insns().get(2).off());
        assertEquals("a5 01 fe ff 0a 00 00 00", Hex.of(p.insns().get(2).bytes()));
    }

    @Test
    void jumpToSelfIsMinusOne() {
        Assembler a = new Assembler();
        Label self = a.newLabel();
        a.bind(self).ja(self).exit();
        assertEquals("05 00 ff ff 00 00 00 00 | 95 00 00 00 00 00 00 00", Hex.of(a));
    }

    @Test
    void ldImm64CountsTwoSlotsInOffsets() {
        Assembler a = new Assembler();
        Label skip = a.newLabel();
        Label back = a.newLabel();
        a.bind(back)
                .jeq(R1, 0, skip)               // slot 0
                .ldImm64(R2, 1L << 40)          // slots 1-2
                .ldMapFd(R3, new MapRef("m"))   // slots 3-4
                .bind(skip)
                .jne(R1, 0, back)               // slot 5
                .exit();                        // slot 6
        Program p = a.build();
        assertEquals(7, p.insnCount());
        assertEquals(4, p.insns().get(0).off());
        assertEquals(-6, p.insns().get(5).off());
        assertEquals(List.of(new MapReloc(3, new MapRef("m"), false)), p.relocs());
    }

    @Test
    void localCallAndFunctionAddressUseImm() {
        Assembler a = new Assembler();
        Label sub = a.newLabel("callback");
        a.callLocal(sub)          // slot 0
                .ldFuncAddr(R2, sub)  // slots 1-2
                .mov(R0, 0)           // slot 3
                .exit()               // slot 4
                .bind(sub)
                .mov(R0, 1)           // slot 5
                .exit();
        Program p = a.build();
        assertEquals("85 10 00 00 04 00 00 00", Hex.of(p.insns().get(0).bytes()));
        assertEquals("18 42 00 00 03 00 00 00", Hex.of(p.insns().get(1).bytes()));
        assertEquals(List.of(0, 5), p.subprogramStarts());
    }

    @Test
    void unboundLabelIsAnError() {
        Assembler a = new Assembler();
        Label nowhere = a.newLabel("nowhere");
        a.mov(R0, 0).ja(nowhere).exit();
        AsmException e = assertThrows(AsmException.class, a::build);
        assertEquals("label nowhere is used at slot 1 but never bound", e.getMessage());
    }

    @Test
    void labelPastTheEndIsAnError() {
        Assembler a = new Assembler();
        Label end = a.newLabel();
        a.ja(end).bind(end);
        AsmException e = assertThrows(AsmException.class, a::build);
        assertEquals("label L0 (used at slot 0) is bound after the last instruction", e.getMessage());
    }

    @Test
    void labelBoundTwiceIsAnError() {
        Assembler a = new Assembler();
        Label l = a.newLabel();
        a.bind(l).exit();
        AsmException e = assertThrows(AsmException.class, () -> a.bind(l));
        assertEquals("label L0 is bound twice (slots 0 and 1)", e.getMessage());
    }

    @Test
    void foreignLabelIsAnError() {
        Label other = new Assembler().newLabel("x");
        assertThrows(AsmException.class, () -> new Assembler().ja(other));
    }

    @Test
    void sixteenBitLimit() {
        // 32767 slots between jump and target is the largest forward offset that fits
        Assembler ok = new Assembler();
        Label l = ok.newLabel();
        ok.ja(l);
        for (int i = 0; i < Short.MAX_VALUE; i++) {
            ok.mov(R0, 0);
        }
        ok.bind(l).exit();
        assertEquals(Short.MAX_VALUE, ok.build().insns().get(0).off());

        Assembler tooFar = new Assembler();
        Label far = tooFar.newLabel("far");
        tooFar.ja(far);
        for (int i = 0; i < Short.MAX_VALUE + 1; i++) {
            tooFar.mov(R0, 0);
        }
        tooFar.bind(far).exit();
        AsmException e = assertThrows(AsmException.class, tooFar::build);
        assertEquals("jump from slot 0 to label far at slot 32769 needs offset 32768, "
                + "beyond the 16-bit range -32768..32767", e.getMessage());
    }

    @Test
    void buildCanBeRepeatedAfterMoreCode() {
        Assembler a = new Assembler();
        Label l = a.newLabel();
        a.jeq(R1, 0, l).mov(R0, 1).bind(l).exit();
        Program first = a.build();
        a.mov(R0, 2).exit();
        Program second = a.build();
        assertEquals(3, first.insnCount());
        assertEquals(5, second.insnCount());
        assertEquals(first.insns(), second.insns().subList(0, 3));
    }
}
