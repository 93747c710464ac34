package io.jstap.compiler.bpfgen;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.module.Module;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Emitted code of small programs, one feature each; kernel tests prove the code runs. */
class EmitGoldenTest {

    /** Save ctx and a zero key, find this CPU's scratch (R9) and drop counters. */
    private static final String PROLOGUE = """
            ; t.stp:1:1: probe kernel.trace("a:b")
              0: (7b) *(u64 *)(r10 -8) = r1
              1: (7a) *(u64 *)(r10 -16) = 0
              2: (18) r1 = map[.scratch] ll
              4: (bf) r2 = r10
              5: (07) r2 += -16
              6: (85) call map_lookup_elem#1
              7: (15) if r0 == 0x0 goto pc+%d <L%d>
              8: (bf) r9 = r0
              9: (18) r1 = map[.counters] ll
             11: (bf) r2 = r10
             12: (07) r2 += -16
             13: (85) call map_lookup_elem#1
             14: (15) if r0 == 0x0 goto pc+%d <L%d>
             15: (7b) *(u64 *)(r10 -48) = r0
            """;

    private static String prologue(int exit, int label) {
        return String.format(PROLOGUE, exit - 8, label, exit - 15, label);
    }

    @Test
    void perCpuCounterIsAPlainAddToThisCpusValue() {
        Module m = Modules.module(List.of(scalar("n", IrType.LONG)), s(inc(gvar("n", IrType.LONG))));
        assertEquals(prologue(28, 0) + """
                ; t.stp:1:1: n++
                 16: (18) r1 = map[n] ll
                 18: (bf) r2 = r10
                 19: (07) r2 += -16
                 20: (85) call map_lookup_elem#1
                 21: (15) if r0 == 0x0 goto pc+6 <L0>
                 22: (b7) r1 = 1
                 23: (79) r2 = *(u64 *)(r0 +0)
                 24: (bf) r3 = r2
                 25: (0f) r3 += r1
                 26: (7b) *(u64 *)(r0 +0) = r3
                 27: (05) goto pc+0 <L0>
                L0:
                 28: (b7) r0 = 0
                 29: (95) exit
                """, Modules.asm(m));
    }

    @Test
    void signedDivisionChecksForZeroOutOfLine() {
        LocalVar a = lv("a", IrType.LONG, 0);
        Module m = Modules.module(List.of(), List.of(), RuntimeLimits.DEFAULTS, Modules.body(List.of(a),
                s(set(ref(a), bin(BinOp.DIV, num(7), ref(a), at(2, 3))))));
        assertEquals(prologue(34, 4) + """
                 16: (7a) *(u64 *)(r10 -56) = 0
                ; t.stp:1:1: a = (7 / a)
                 17: (79) r6 = *(u64 *)(r10 -56)
                 18: (b7) r1 = 7
                 19: (bf) r2 = r6
                 20: (55) if r2 != 0x0 goto pc+1 <L0>
                 21: (05) goto pc+14 <L5>
                L0:
                 22: (b7) r3 = 0
                 23: (75) if r1 s>= 0x0 goto pc+2 <L1>
                 24: (87) r1 = -r1
                 25: (b7) r3 = 1
                L1:
                 26: (75) if r2 s>= 0x0 goto pc+2 <L2>
                 27: (87) r2 = -r2
                 28: (a7) r3 ^= 1
                L2:
                 29: (3f) r1 /= r2
                 30: (15) if r3 == 0x0 goto pc+1 <L3>
                 31: (87) r1 = -r1
                L3:
                 32: (bf) r6 = r1
                 33: (7b) *(u64 *)(r10 -56) = r6
                L4:
                 34: (b7) r0 = 0
                 35: (95) exit
                L5:
                 36: (62) *(u32 *)(r10 -32) = 2
                 37: (62) *(u32 *)(r10 -28) = 0
                 38: (05) goto pc+0 <L6>
                L6:
                 39: (bf) r2 = r10
                 40: (07) r2 += -32
                 41: (18) r1 = map[.output] ll
                 43: (b7) r3 = 8
                 44: (b7) r4 = 0
                 45: (85) call ringbuf_output#130
                 46: (77) r0 >>= 63
                 47: (79) r1 = *(u64 *)(r10 -48)
                 48: (79) r2 = *(u64 *)(r1 +0)
                 49: (0f) r2 += r0
                 50: (7b) *(u64 *)(r1 +0) = r2
                 51: (05) goto pc-18 <L4>
                """, Modules.asm(m));
    }

    @Test
    void aStringLiteralIsStoredWithItsZeroPadding() {
        LocalVar s = lv("s", IrType.STRING, 0);
        Module m = Modules.module(List.of(), List.of(), RuntimeLimits.DEFAULTS.withMaxStringLen(16),
                Modules.body(List.of(s), s(set(ref(s), str("hello, world")))));
        assertEquals(prologue(22, 0) + """
                 16: (7a) *(u64 *)(r9 +8) = 0
                 17: (7a) *(u64 *)(r9 +16) = 0
                ; t.stp:1:1: s = "hello, world"
                 18: (18) r1 = 0x77202c6f6c6c6568 ll
                 20: (7b) *(u64 *)(r9 +8) = r1
                 21: (7a) *(u64 *)(r9 +16) = 1684828783
                L0:
                 22: (b7) r0 = 0
                 23: (95) exit
                """, Modules.asm(m));
    }

    @Test
    void codeAfterNextIsDropped() {
        Module m = Modules.module(List.of(scalar("n", IrType.LONG)), next(), s(inc(gvar("n", IrType.LONG))));
        String code = Modules.asm(m);
        assertFalse(code.contains("map[n]"), code);
        assertTrue(code.endsWith("""
                ; t.stp:1:1: next
                 16: (05) goto pc+0 <L0>
                L0:
                 17: (b7) r0 = 0
                 18: (95) exit
                """), code);
    }

    @Test
    void sharedCountersUseAtomicFetchAndAdd() {
        Module m = Modules.module(List.of(array("c", IrType.LONG, IrType.LONG), scalar("x", IrType.LONG)),
                s(set(gvar("x", IrType.LONG), inc(elem("c", IrType.LONG, num(3))))));
        String code = Modules.asm(m);
        // found: fetch-add; missing: insert with BPF_NOEXIST, on -EEXIST retry as an update
        assertEquals(2, count(code, "r1 = atomic64_fetch_add((u64 *)(r0 +0), r1)"), code);
        assertTrue(code.contains("(b7) r4 = 1\n") && code.contains("call map_update_elem#2"), code);
        assertTrue(code.contains("if r0 == 0xffffffef goto"), code);
        // the scalar x is written straight into its array value
        assertTrue(code.contains("r1 = map[x][0]+0 ll"), code);
    }

    @Test
    void histogramBucketsAreComputedWithoutBranches() {
        GlobalDecl st = GlobalDecl.stats("st", List.of(), HistogramSpec.LOG, L0);
        LocalVar v = lv("v", IrType.LONG, 0);
        Module m = Modules.module(List.of(st), List.of(), RuntimeLimits.DEFAULTS,
                Modules.body(List.of(v), s(add(gvar("st", IrType.STATS), ref(v)))));
        String code = Modules.asm(m);
        String hist = code.substring(code.indexOf("s>>= 63"), code.indexOf("&= 127"));
        assertFalse(hist.contains("goto"), hist);
    }

    @Test
    void stringEqualityIsOneBranch() {
        LocalVar a = lv("a", IrType.STRING, 0);
        LocalVar b = lv("b", IrType.STRING, 1);
        Module m = Modules.module(List.of(), List.of(), RuntimeLimits.DEFAULTS,
                Modules.body(List.of(a, b), ifs(cmp(CmpOp.EQ, ref(a), ref(b)), p("same\n"), null)));
        String code = Modules.asm(m);
        String cmp = code.substring(code.indexOf("if ((a == b))"), code.indexOf("call ringbuf_output"));
        assertEquals(1, count(cmp, "goto"), cmp);
        assertEquals(16, count(cmp, "^="), cmp);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
