package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Stmt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shapes that are costly for the verifier, at the default MAXACTION of 1000: loops whose end it cannot
 * foresee, nested and in sequence, and long runs of branches. Each must load and compute what the
 * interpreter would.
 */
class VerifierLoadKernelTest extends CodegenKernelTest {

    @Test
    void nestedLoopsWithUnknownTripCounts() {
        // for (l1 = 0; l1 < 2; l1++) { while (++gl < 8) hits++; l1 &= gl }
        LocalVar l1 = lv("l1", IrType.LONG, 0);
        Stmt inner = new Stmt.While(cmp(CmpOp.LT, new Expr.IncDec(gvar("gl", IrType.LONG), true, true, L0), num(8)),
                block(s(inc(gvar("hits", IrType.LONG)))), L0);
        Stmt outer = fors(set(ref(l1), num(0)), cmp(CmpOp.LT, ref(l1), num(2)), inc(ref(l1)),
                block(inner, s(assign(ref(l1), AssignOp.AND, gvar("gl", IrType.LONG)))));
        LoadedModule m = load(List.of(scalar("gl", IrType.LONG), scalar("hits", IrType.LONG)), probe(List.of(l1), outer));
        getppid(1);
        // the first while runs 7 times, leaving gl 8; l1 = 0 & 8 = 0, ++l1 = 1; the second while ends at once
        // with gl 9; l1 = 1 & 9 = 1, ++l1 = 2: done
        assertEquals(7L, m.get("hits"));
        assertEquals(9L, m.get("gl"));
    }

    @Test
    void loopsInSequenceAndManyBranches() {
        LocalVar i = lv("i", IrType.LONG, 0);
        LocalVar x = lv("x", IrType.LONG, 1);
        List<Stmt> body = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            body.add(new Stmt.While(cmp(CmpOp.LT, new Expr.IncDec(gvar("gl", IrType.LONG), true, true, L0), num(10L * (k + 1))),
                    block(s(assign(ref(x), AssignOp.ADD, num(k)))), L0));
            for (int j = 0; j < 8; j++) {
                body.add(ifs(cmp(CmpOp.GT, bin(BinOp.AND, ref(x), num(1L << j)), num(0)),
                        s(assign(ref(x), AssignOp.XOR, num(j))), s(inc(gvar("hits", IrType.LONG)))));
            }
        }
        body.add(s(set(gvar("out", IrType.LONG), ref(x))));
        LoadedModule m = load(List.of(scalar("gl", IrType.LONG), scalar("hits", IrType.LONG), scalar("out", IrType.LONG)),
                probe(List.of(i, x), body.toArray(new Stmt[0])));
        getppid(1);
        long x0 = 0;
        long hits = 0;
        long gl = 0;
        for (int k = 0; k < 6; k++) {
            while (++gl < 10L * (k + 1)) {
                x0 += k;
            }
            for (int j = 0; j < 8; j++) {
                if ((x0 & (1L << j)) > 0) {
                    x0 ^= j;
                } else {
                    hits++;
                }
            }
        }
        assertEquals(x0, m.get("out"));
        assertEquals(hits, m.get("hits"));
        assertEquals(gl, m.get("gl"));
        assertEquals(RuntimeLimits.DEFAULT_MAXACTION, RuntimeLimits.DEFAULTS.maxAction());
    }
}
