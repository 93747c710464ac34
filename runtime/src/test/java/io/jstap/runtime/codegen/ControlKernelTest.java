package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlKernelTest extends CodegenKernelTest {

    @Test
    void boundedLoopsRunToCompletion() {
        LocalVar i = lv("i", IrType.LONG, 0);
        LocalVar sum = lv("sum", IrType.LONG, 1);
        LoadedModule m = load(List.of(scalar("total", IrType.LONG)),
                probe(List.of(i, sum),
                        fors(set(ref(i), num(0)), cmp(CmpOp.LT, ref(i), num(100)), inc(ref(i)),
                                s(assign(ref(sum), AssignOp.ADD, ref(i)))),
                        s(set(gvar("total", IrType.LONG), ref(sum)))));
        getppid(1);
        assertEquals(4950L, m.get("total"));
    }

    @Test
    void anEndlessLoopStopsAtMaxActionWithTheLoopsLocation() {
        LocalVar i = lv("i", IrType.LONG, 0);
        RuntimeLimits limits = RuntimeLimits.DEFAULTS.withMaxAction(300);
        LoadedModule m = load(compile(List.of(scalar("spins", IrType.LONG)), List.of(), limits,
                probe(List.of(i), whileAt(at(4, 3), num(1), block(s(inc(ref(i))), s(set(gvar("spins", IrType.LONG), ref(i))))))));
        getppid(1);
        assertEquals(List.of("MAXACTION exceeded near keyword at t.stp:4:3"), m.texts(1));
        // charges: if (1), while (1), then 3 per iteration (test + two statements): the 100th test is
        // the 300th action
        assertEquals(99L, m.get("spins"));
    }

    @Test
    void loopWithBreakAndWhileCondition() {
        LocalVar i = lv("i", IrType.LONG, 0);
        LoadedModule m = load(List.of(scalar("last", IrType.LONG)),
                probe(List.of(i), whileAt(at(2, 1), cmp(CmpOp.LT, ref(i), num(1000)), block(
                        s(inc(ref(i))),
                        ifs(cmp(CmpOp.EQ, bin(BinOp.MOD, ref(i), num(37)), num(0)), brk(), null))),
                        s(set(gvar("last", IrType.LONG), ref(i)))));
        getppid(1);
        assertEquals(37L, m.get("last"));
    }

    @Test
    void functionsAreInlinedWithOverloadsAndReturnValues() {
        LocalVar a = lv("a", IrType.LONG, 0);
        LocalVar s = lv("s", IrType.STRING, 0);
        var twice = function("twice", List.of(a), IrType.LONG, List.of(), ret(bin(BinOp.MUL, ref(a), num(2))));
        var greet = function("greet", List.of(s), IrType.STRING, List.of(), ret(cat(str("hi "), ref(s))));
        LoadedModule m = load(compile(List.of(scalar("n", IrType.LONG), scalar("g", IrType.STRING)),
                List.of(twice, greet), RuntimeLimits.DEFAULTS,
                probe(List.of(), s(set(gvar("n", IrType.LONG), call("twice", IrType.LONG, call("twice", IrType.LONG, num(5))))),
                        s(set(gvar("g", IrType.STRING), call("greet", IrType.STRING, str("bob")))))));
        getppid(1);
        assertEquals(20L, m.get("n"));
        assertEquals("hi bob", m.get("g"));
    }

    @Test
    void tryCatchReceivesTheBareMessage() {
        LocalVar msg = lv("msg", IrType.STRING, 0);
        LocalVar z = lv("z", IrType.LONG, 1);
        Stmt body = tryCatch(block(s(set(ref(z), bin(BinOp.MOD, num(1), ref(z)))), p("not reached\n")), msg,
                p("caught: %s\n", ref(msg)));
        LoadedModule m = load(List.of(), probe(List.of(msg, z), body, p("after\n")));
        getppid(1);
        assertEquals(List.of("caught: division by 0\n", "after\n"), m.texts(2));
    }
}
