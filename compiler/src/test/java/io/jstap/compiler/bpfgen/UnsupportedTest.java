package io.jstap.compiler.bpfgen;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.StatsAgg;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.ir.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constructs that cannot run in a kernel probe are compile errors at their location. */
class UnsupportedTest {

    private static final SrcLoc AT = at(4, 7);

    private static CodegenException fails(List<GlobalDecl> globals, Stmt... body) {
        return assertThrows(CodegenException.class, () -> Modules.module(globals, body));
    }

    @Test
    void foreach() {
        LocalVar k = lv("k", IrType.LONG, 0);
        Stmt loop = new Stmt.Foreach("a", List.of(k), null, List.of(), null, null, block(), AT);
        CodegenException e = assertThrows(CodegenException.class, () -> Modules.module(List.of(array("a", IrType.LONG,
                IrType.LONG)), List.of(), RuntimeLimits.DEFAULTS, Modules.body(List.of(k), loop)));
        assertEquals("foreach is not supported in kernel probes; iterate in an end or timer probe", e.getMessage());
        assertEquals(AT, e.loc());
    }

    @Test
    void recursion() {
        LocalVar n = lv("n", IrType.LONG, 0);
        var f = function("f", List.of(n), IrType.LONG, List.of(), ret(callAt(AT, "f", IrType.LONG, ref(n))));
        CodegenException e = assertThrows(CodegenException.class, () -> Modules.module(List.of(), List.of(f),
                RuntimeLimits.DEFAULTS, Modules.body(List.of(), s(call("f", IrType.LONG, num(3))))));
        assertEquals("function 'f' is recursive; recursion cannot run in a kernel probe (call it from an end or "
                + "timer probe)", e.getMessage());
        assertEquals(AT, e.loc());
    }

    @Test
    void deletingAWholeArray() {
        CodegenException e = fails(List.of(array("a", IrType.LONG, IrType.LONG)), new Stmt.DeleteGlobal("a", AT));
        assertEquals("deleting all of array a is not supported in kernel probes; delete it in an end or timer probe, "
                + "or delete elements one by one", e.getMessage());
        assertEquals(AT, e.loc());
    }

    @Test
    void slices() {
        CodegenException e = fails(List.of(array("a", IrType.LONG, IrType.LONG, IrType.LONG)),
                s(new Expr.InArray("a", List.of(num(1), new Expr.AnyKey(AT)), L0)));
        assertEquals("array slices ('*' keys) are not supported in kernel probes; use them in an end or timer probe",
                e.getMessage());
        assertEquals(AT, e.loc());
    }

    @Test
    void sprintfWithWidths() {
        CodegenException e = fails(List.of(scalar("s", IrType.STRING)), s(set(gvar("s", IrType.STRING),
                new Expr.Format(Expr.Format.FormatKind.SPRINTF, "%-32d", List.of(num(1)), AT))));
        assertEquals("sprintf in kernel probes supports %s, %c, %d, %i, %u, %x, %X and %o with flags and widths up "
                + "to 31; format the string in an end or timer probe", e.getMessage());
        assertEquals(AT, e.loc());
    }

    @Test
    void unknownFunction() {
        CodegenException e = fails(List.of(), s(fnAt(AT, "backtrace", IrType.STRING)));
        assertEquals("function 'backtrace' is not supported in kernel probes", e.getMessage());
        assertEquals(AT, e.loc());
    }

    @Test
    void readingStatistics() {
        GlobalDecl st = GlobalDecl.stats("st", List.of(), HistogramSpec.NONE, L0);
        CodegenException e = fails(List.of(st), p("%d\n", agg(StatsAgg.COUNT, gvar("st", IrType.STATS), AT)));
        assertEquals("@count cannot read statistics in a kernel probe; read them in an end or timer probe",
                e.getMessage());
        assertEquals(AT, e.loc());
    }

    @Test
    void memoryDumps() {
        CodegenException e = fails(List.of(), s(new Expr.Format(Expr.Format.FormatKind.PRINTF, "%.4m", List.of(num(0)), AT)));
        assertEquals("%m memory dumps are not supported in kernel probes", e.getMessage());
    }
}
