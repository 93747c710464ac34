package io.jstap.compiler.bpf;

import static io.jstap.compiler.bpf.Reg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgramTest {

    @Test
    void fromBytesRejectsPartialSlots() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Program.fromBytes(new byte[12]));
        assertEquals("BPF image length 12 is not a multiple of 8", e.getMessage());
    }

    @Test
    void relocationMustPointAtLdImm64() {
        List<Insn> insns = List.of(new Insn(0xb7, 0, 0, (short) 0, 0), new Insn(0x95, 0, 0, (short) 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Program(insns, List.of(new MapReloc(0, new MapRef("m"), false)), Map.of()));
    }

    @Test
    void sameMapTwiceGetsTheSameFd() {
        MapRef m = new MapRef("m");
        Program p = new Assembler().ldMapFd(R1, m).ldMapFd(R2, m).mov(R0, 0).exit().build();
        byte[] img = p.bytesWithFds(ref -> 42);
        assertEquals(42, img[4]);
        assertEquals(42, img[20]);
        assertEquals(0, p.bytes()[4]); // placeholder image stays untouched
        assertEquals(new MapReloc(2, m, false), p.relocAt(2));
        assertNull(p.relocAt(4));
    }

    @Test
    void annotationsAreKeyedBySlot() {
        Program p = new Assembler().ldImm64(R1, 5).comment("a").comment("b").mov(R0, 0).exit().build();
        assertEquals(Map.of(2, "a\nb"), p.annotations());
    }

    @Test
    void programIsImmutable() {
        Program p = new Assembler().mov(R0, 0).exit().build();
        assertThrows(UnsupportedOperationException.class, () -> p.insns().clear());
        assertThrows(UnsupportedOperationException.class, () -> p.annotations().put(0, "x"));
    }

    @Test
    void mapRefNeedsName() {
        assertThrows(IllegalArgumentException.class, () -> new MapRef(""));
    }
}
