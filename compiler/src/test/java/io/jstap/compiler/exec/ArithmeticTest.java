package io.jstap.compiler.exec;

import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Ops.UnOp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ArithmeticTest {

    private final Harness h = new Harness();

    private String show(io.jstap.compiler.ir.Expr e) {
        return h.output(p("%d\n", e));
    }

    @Test
    void additionAndMultiplicationWrapAround() {
        assertEquals(Long.MIN_VALUE + "\n", show(bin(BinOp.ADD, num(Long.MAX_VALUE), num(1))));
        assertEquals(Long.MAX_VALUE + "\n", show(bin(BinOp.SUB, num(Long.MIN_VALUE), num(1))));
        assertEquals("-2\n", show(bin(BinOp.MUL, num(Long.MAX_VALUE), num(2))));
        assertEquals(Long.MIN_VALUE + "\n", show(un(UnOp.NEG, num(Long.MIN_VALUE))));
    }

    @Test
    void divisionTruncatesAndMinByMinusOneWraps() {
        assertEquals("-3\n", show(bin(BinOp.DIV, num(-7), num(2))));
        assertEquals("-1\n", show(bin(BinOp.MOD, num(-7), num(2))));
        assertEquals("1\n", show(bin(BinOp.MOD, num(7), num(-2))));
        assertEquals(Long.MIN_VALUE + "\n", show(bin(BinOp.DIV, num(Long.MIN_VALUE), num(-1))));
        assertEquals("0\n", show(bin(BinOp.MOD, num(Long.MIN_VALUE), num(-1))));
    }

    @Test
    void shiftCountsAreTakenModulo64() {
        assertEquals("1\n", show(bin(BinOp.SHL, num(1), num(64))));
        assertEquals("2\n", show(bin(BinOp.SHL, num(1), num(65))));
        assertEquals(Long.MIN_VALUE + "\n", show(bin(BinOp.SHL, num(1), num(-1))));
        assertEquals("-1\n", show(bin(BinOp.SHR, num(-16), num(68))));
        assertEquals("-8\n", show(bin(BinOp.SHR, num(-16), num(1))));
        assertEquals(Long.MAX_VALUE + "\n", show(bin(BinOp.USHR, num(-1), num(1))));
        assertEquals("1\n", show(bin(BinOp.USHR, num(-1), num(63))));
    }

    @Test
    void compoundShiftMasksTheCountToo() {
        LocalVar x = lv("x", IrType.LONG, 0);
        assertEquals("2\n", h.output(List.of(x),
                s(set(ref(x), num(1))),
                s(assign(ref(x), AssignOp.SHL, num(65))),
                p("%d\n", ref(x))));
    }

    @Test
    void bitwiseAndLogicalOperators() {
        assertEquals("8 14 6 -13 1 0\n", h.output(p("%d %d %d %d %d %d\n",
                bin(BinOp.AND, num(12), num(10)), bin(BinOp.OR, num(12), num(10)),
                bin(BinOp.XOR, num(12), num(10)), un(UnOp.BITNOT, num(12)),
                un(UnOp.NOT, num(0)), un(UnOp.NOT, num(-5)))));
    }

    @Test
    void comparisonsYieldZeroOrOne() {
        assertEquals("1 0 1 1 0 1\n", h.output(p("%d %d %d %d %d %d\n",
                cmp(CmpOp.LT, num(-1), num(0)), cmp(CmpOp.GT, num(-1), num(0)),
                cmp(CmpOp.LE, num(3), num(3)), cmp(CmpOp.GE, num(4), num(3)),
                cmp(CmpOp.EQ, num(4), num(3)), cmp(CmpOp.NE, num(4), num(3)))));
    }

    @Test
    void logicalOperatorsShortCircuit() {
        LocalVar x = lv("x", IrType.LONG, 0);
        // (0 && x++) || (1 || x++): x must stay 0
        assertEquals("1 0\n", h.output(List.of(x),
                p("%d %d\n", or(and(num(0), inc(ref(x))), or(num(1), inc(ref(x)))), ref(x))));
        assertEquals("1 1\n", h.output(List.of(x),
                p("%d %d\n", and(num(7), preInc(ref(x))), ref(x))));
    }

    @Test
    void ternaryEvaluatesOneBranch() {
        LocalVar x = lv("x", IrType.LONG, 0);
        assertEquals("10 0\n", h.output(List.of(x),
                p("%d %d\n", cond(num(2), num(10), inc(ref(x))), ref(x))));
    }

    @Test
    void incrementAndDecrementForms() {
        LocalVar x = lv("x", IrType.LONG, 0);
        assertEquals("0 1 2 2 1\n", h.output(List.of(x),
                p("%d %d %d %d %d\n", inc(ref(x)), ref(x), preInc(ref(x)), postDec(ref(x)), ref(x))));
    }

    @Test
    void divisionByZeroNamesTheOperatorAndLocation() {
        assertEquals("ERROR: division by 0 near operator '/' at t.stp:3:9",
                h.error(p("%d\n", bin(BinOp.DIV, num(1), num(0), at(3, 9)))));
        assertEquals("ERROR: division by 0 near operator '%' at t.stp:4:2",
                h.error(p("%d\n", bin(BinOp.MOD, num(1), num(0), at(4, 2)))));
    }

    @Test
    void compoundDivisionByZeroNamesTheRightOperand() {
        LocalVar x = lv("x", IrType.LONG, 0);
        LocalVar z = lv("z", IrType.LONG, 1);
        assertEquals("ERROR: division by 0 near number '0' at t.stp:2:8",
                h.error(List.of(x, z), s(assign(ref(x), AssignOp.DIV, num(0, at(2, 8)), at(2, 5)))));
        assertEquals("ERROR: division by 0 near identifier 'z' at t.stp:5:10",
                h.error(List.of(x, z), s(assign(ref(x), AssignOp.MOD, ref(z, at(5, 10)), at(5, 5)))));
    }

    @Test
    void outputBeforeAnErrorIsKept() {
        h.error(p("before\n"), p("%d\n", bin(BinOp.DIV, num(1), num(0))), p("after\n"));
        assertEquals("before\n", h.out.take());
    }

    @Test
    void compoundAssignmentsOnLocals() {
        LocalVar x = lv("x", IrType.LONG, 0);
        assertEquals("17 12 36 7 1 5 4 5\n", h.output(List.of(x),
                s(set(ref(x), num(10))),
                p("%d ", assign(ref(x), AssignOp.ADD, num(7))),
                p("%d ", assign(ref(x), AssignOp.SUB, num(5))),
                p("%d ", assign(ref(x), AssignOp.MUL, num(3))),
                p("%d ", assign(ref(x), AssignOp.MOD, num(29))),
                p("%d ", assign(ref(x), AssignOp.DIV, num(4))),
                p("%d ", assign(ref(x), AssignOp.XOR, num(4))),
                p("%d ", assign(ref(x), AssignOp.AND, num(6))),
                p("%d\n", assign(ref(x), AssignOp.OR, num(5)))));
    }
}
