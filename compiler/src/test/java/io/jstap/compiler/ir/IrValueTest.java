package io.jstap.compiler.ir;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IrValueTest {

    @Test
    void identicalProgramsAreEqual() {
        IrProgram a = IrPrinterTest.sample();
        IrProgram b = IrPrinterTest.sample();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.probes().get(0), b.probes().get(0));
    }

    @Test
    void aChangedConstantOrLocationMakesBodiesDiffer() {
        ProbeBody one = probe("begin", List.of(), p("%d\n", num(1)));
        ProbeBody two = probe("begin", List.of(), p("%d\n", num(2)));
        ProbeBody moved = new ProbeBody("begin", List.of(),
                block(s(new Expr.Format(Expr.Format.FormatKind.PRINTF, "%d\n", List.of(num(1, at(2, 1))), L0))), L0);
        assertNotEquals(one, two);
        assertNotEquals(one, moved);
    }

    @Test
    void globalShapes() {
        GlobalDecl a = array("a", IrType.LONG, IrType.STRING);
        assertTrue(a.sameShape(array("a", IrType.LONG, IrType.STRING)));
        assertFalse(a.sameShape(array("a", IrType.STRING, IrType.STRING)));
        assertFalse(a.sameShape(a.withMaxEntries(10)));
        assertFalse(a.sameShape(a.withWrap(true)));
        assertTrue(a.sameShape(new GlobalDecl("a", List.of(IrType.STRING), IrType.LONG, 0, GlobalKind.ARRAY, false,
                HistogramSpec.NONE, 0, null, at(9, 9))));
        assertEquals(2048, a.effectiveMaxEntries(2048));
        assertEquals(10, a.withMaxEntries(10).effectiveMaxEntries(2048));
    }

    @Test
    void malformedGlobalsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GlobalDecl.array("a", List.of(), IrType.LONG, L0));
        assertThrows(IllegalArgumentException.class, () -> GlobalDecl.array("a",
                List.of(IrType.LONG, IrType.LONG, IrType.LONG, IrType.LONG, IrType.LONG,
                        IrType.LONG, IrType.LONG, IrType.LONG, IrType.LONG, IrType.LONG), IrType.LONG, L0));
        assertThrows(IllegalArgumentException.class, () -> GlobalDecl.array("a", List.of(IrType.STATS), IrType.LONG, L0));
        assertThrows(IllegalArgumentException.class, () -> scalar("x", IrType.LONG).withInitialValue("text"));
        assertThrows(IllegalArgumentException.class, () -> new GlobalDecl("s", List.of(), IrType.LONG, 0,
                GlobalKind.SCALAR, false, HistogramSpec.LOG, 0, null, L0));
        assertThrows(IllegalArgumentException.class, () -> new GlobalDecl("s", List.of(), IrType.STATS, 0,
                GlobalKind.SCALAR, false, HistogramSpec.NONE, 0, null, L0));
    }

    @Test
    void frameSlotsMustBeDense() {
        LocalVar n = lv("n", IrType.LONG, 0);
        LocalVar bad = lv("x", IrType.LONG, 2);
        assertThrows(IllegalArgumentException.class,
                () -> function("f", List.of(n), IrType.LONG, List.of(bad), ret(num(0))));
        assertEquals(2, function("f", List.of(n), IrType.VOID, List.of(lv("x", IrType.STRING, 1))).frameSize());
    }

    @Test
    void foreachShapeIsChecked() {
        LocalVar k = lv("k", IrType.LONG, 0);
        assertThrows(IllegalArgumentException.class,
                () -> new Stmt.Foreach("a", List.of(k), null, List.of(num(1), num(2)), null, null, block(), L0));
        assertThrows(IllegalArgumentException.class,
                () -> foreach("a", List.of(k), null, SortSpec.byKey(2, true), null, block()));
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new IrProgram(
                List.of(scalar("x", IrType.LONG), scalar("x", IrType.STRING)), List.of(), List.of()));
    }

    @Test
    void nestingFollowsStapsRecursionAnalysis() {
        LocalVar n = lv("n", IrType.LONG, 0);
        FunctionDecl leaf = function("leaf", List.of(), IrType.LONG, List.of(), ret(num(1)));
        FunctionDecl mid = function("mid", List.of(), IrType.LONG, List.of(), ret(call("leaf", IrType.LONG)));
        FunctionDecl top = function("top", List.of(), IrType.LONG, List.of(), ret(call("mid", IrType.LONG)));
        // no function calls another: one frame
        assertEquals(new NestingAnalysis.Result(0, false),
                NestingAnalysis.analyse(new IrProgram(List.of(), List.of(leaf), List.of())));
        assertEquals(1, NestingAnalysis.maxNesting(new IrProgram(List.of(), List.of(leaf), List.of())));
        // top -> mid -> leaf: chain of 2 calls, 3 frames
        assertEquals(3, NestingAnalysis.maxNesting(new IrProgram(List.of(), List.of(leaf, mid, top), List.of())));
        // mutual recursion even <-> odd
        FunctionDecl even = function("even", List.of(n), IrType.LONG, List.of(),
                ifs(cmp(CmpOp.EQ, ref(n), num(0)), ret(num(1)), null),
                ret(call("odd", IrType.LONG, bin(BinOp.SUB, ref(n), num(1)))));
        FunctionDecl odd = function("odd", List.of(n), IrType.LONG, List.of(),
                ifs(cmp(CmpOp.EQ, ref(n), num(0)), ret(num(0)), null),
                ret(call("even", IrType.LONG, bin(BinOp.SUB, ref(n), num(1)))));
        NestingAnalysis.Result r = NestingAnalysis.analyse(new IrProgram(List.of(), List.of(even, odd), List.of()));
        assertTrue(r.recursive());
        // like stap, the walk starts inside even's body without counting even itself:
        // odd (1), even (2), odd again (3, seen recursive)
        assertEquals(3, r.deepestChain());
        assertEquals(14, r.maxNesting());
    }
}
