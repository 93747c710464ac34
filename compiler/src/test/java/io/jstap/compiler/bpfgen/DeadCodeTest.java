package io.jstap.compiler.bpfgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Disassembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.bpf.Program;
import io.jstap.compiler.bpf.Reg;
import org.junit.jupiter.api.Test;

class DeadCodeTest {

    @Test
    void unreachableInstructionsGoAndJumpsFollow() {
        Assembler a = new Assembler();
        Label out = a.newLabel("out");
        Label skip = a.newLabel("skip");
        a.mov(Reg.R1, 1).jeq(Reg.R1, 0, skip).ja(out);
        a.comment("dead").mov(Reg.R2, 2).ldImm64(Reg.R3, 1L << 40); // after ja, never targeted
        a.bind(skip).ldMapFd(Reg.R1, new MapRef("m")).ja(out);
        a.mov(Reg.R4, 4); // dead too
        a.bind(out).mov(Reg.R0, 0).exit();
        Program p = DeadCode.prune(a.build());
        assertEquals("""
                  0: (b7) r1 = 1
                  1: (15) if r1 == 0x0 goto pc+1 <L0>
                  2: (05) goto pc+3 <L1>
                L0:
                  3: (18) r1 = map[m] ll
                  5: (05) goto pc+0 <L1>
                L1:
                  6: (b7) r0 = 0
                  7: (95) exit
                """, Disassembler.disassemble(p));
        assertEquals(3, p.relocs().get(0).slot());
    }

    @Test
    void aProgramWithoutDeadCodeIsUnchanged() {
        Assembler a = new Assembler();
        a.mov(Reg.R0, 0).exit();
        Program p = a.build();
        assertSame(p, DeadCode.prune(p));
    }
}
