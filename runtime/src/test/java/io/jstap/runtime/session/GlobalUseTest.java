package io.jstap.runtime.session;

import static io.jstap.runtime.session.Modules.gvar;
import static io.jstap.runtime.session.Modules.num;
import static io.jstap.runtime.session.Modules.printf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops;
import io.jstap.compiler.ir.SortSpec;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.UserProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalUseTest {

    private static final io.jstap.compiler.ir.SrcLoc L = Modules.LOC;

    private static Stmt s(Expr e) {
        return new Stmt.ExprStmt(e);
    }

    private static Expr.GlobalElem elem(String g, Expr key) {
        return new Expr.GlobalElem(g, List.of(key), IrType.LONG, L);
    }

    private static List<String> unread(List<GlobalDecl> globals, List<FunctionDecl> functions, Stmt... body) {
        UserProbe p = Modules.begin(1, 0, body);
        Module m = new Module(new IrProgram(globals, functions, List.of(p.ir())), List.of(), List.of(), List.of(p),
                List.of(), io.jstap.compiler.exec.RuntimeLimits.DEFAULTS);
        return GlobalUse.of(m).unread(m.ir()).stream().map(GlobalDecl::name).toList();
    }

    private static GlobalDecl scalar(String n) {
        return GlobalDecl.scalar(n, IrType.LONG, L);
    }

    private static GlobalDecl array(String n) {
        return GlobalDecl.array(n, List.of(IrType.LONG), IrType.LONG, L);
    }

    @Test
    void incrementsAndCompoundAssignmentsWriteWithoutUsingTheValue() {
        List<GlobalDecl> g = List.of(scalar("inc"), scalar("plus"), array("hits"), scalar("set"), scalar("never"));
        assertEquals(List.of("inc", "plus", "hits", "set"), unread(g, List.of(),
                s(new Expr.IncDec(gvar("inc", IrType.LONG), true, true, L)),
                s(new Expr.Assign(gvar("plus", IrType.LONG), Ops.AssignOp.ADD, num(2), L)),
                s(new Expr.IncDec(elem("hits", num(1)), true, false, L)),
                s(new Expr.Assign(gvar("set", IrType.LONG), Ops.AssignOp.SET, num(2), L))));
    }

    @Test
    void anyReadOfTheValueCountsEvenInsideKeysAndCalledFunctions() {
        List<GlobalDecl> g = List.of(scalar("a"), scalar("b"), array("k"), scalar("f"), array("loop"));
        FunctionDecl readF = new FunctionDecl("readf", List.of(), IrType.LONG, List.of(),
                new Stmt.Return(gvar("f", IrType.LONG), L), L);
        LocalVar key = new LocalVar("i", IrType.LONG, 0);
        Stmt loop = new Stmt.Foreach("loop", List.of(key), null, List.of(), null, null, Modules.block(), L);
        assertEquals(List.of(), unread(g, List.of(readF),
                // a = a + 1 reads a
                s(new Expr.Assign(gvar("a", IrType.LONG), Ops.AssignOp.SET,
                        new Expr.Binary(Ops.BinOp.ADD, gvar("a", IrType.LONG), num(1), L), L)),
                // k[b] = 1 reads b; "1 in k" reads k
                s(new Expr.Assign(elem("k", gvar("b", IrType.LONG)), Ops.AssignOp.SET, num(1), L)),
                s(new Expr.InArray("k", List.of(num(1)), L)),
                s(new Expr.Assign(gvar("b", IrType.LONG), Ops.AssignOp.SET, num(1), L)),
                // f is read in a function the probe calls
                s(new Expr.Assign(gvar("f", IrType.LONG), Ops.AssignOp.SET, new Expr.Call("readf", List.of(),
                        IrType.LONG, L), L)),
                s(new Expr.IncDec(elem("loop", num(1)), true, false, L)),
                loop));
    }

    @Test
    void deleteAndSortedForeachWriteButAForeachAlsoReads() {
        LocalVar key = new LocalVar("i", IrType.LONG, 0);
        List<GlobalDecl> g = List.of(array("gone"), array("sorted"));
        assertEquals(List.of("gone"), unread(g, List.of(),
                new Stmt.DeleteGlobal("gone", L),
                new Stmt.Foreach("sorted", List.of(key), null, List.of(), new SortSpec(0, false, null), null,
                        Modules.block(), L)));
    }

    @Test
    void statisticsFedWithTheirOperatorAreWrittenAndAggregatesRead() {
        GlobalDecl fed = GlobalDecl.stats("fed", List.of(), HistogramSpec.NONE, L);
        GlobalDecl shown = GlobalDecl.stats("shown", List.of(), HistogramSpec.NONE, L);
        assertEquals(List.of("fed"), unread(List.of(fed, shown), List.of(),
                s(new Expr.StatsAdd(gvar("fed", IrType.STATS), num(3), L)),
                s(new Expr.StatsAdd(gvar("shown", IrType.STATS), num(3), L)),
                printf("%d\n", new Expr.StatsOp(Ops.StatsAgg.COUNT, gvar("shown", IrType.STATS), L))));
    }
}
