package io.jstap.compiler.exec;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FunctionTest {

    private static final LocalVar N = lv("n", IrType.LONG, 0);

    /** fib(n) = n < 2 ? n : fib(n-1) + fib(n-2). */
    private static final FunctionDecl FIB = function("fib", List.of(N), IrType.LONG, List.of(),
            ifs(cmp(CmpOp.LT, ref(N), num(2)), ret(ref(N)), null),
            ret(bin(BinOp.ADD,
                    call("fib", IrType.LONG, bin(BinOp.SUB, ref(N), num(1))),
                    call("fib", IrType.LONG, bin(BinOp.SUB, ref(N), num(2))))));

    /** greet(who) = "hello " . who . "!" via a local. */
    private static final LocalVar WHO = lv("who", IrType.STRING, 0);
    private static final LocalVar ACC = lv("acc", IrType.STRING, 1);
    private static final FunctionDecl GREET = function("greet", List.of(WHO), IrType.STRING, List.of(ACC),
            s(assign(ref(ACC), AssignOp.CONCAT, str("hello "))),
            s(assign(ref(ACC), AssignOp.CONCAT, ref(WHO))),
            ret(cat(ref(ACC), str("!"))));

    /** twice(who) = greet(who) . " " . greet(who): nested calls, and locals start fresh each call. */
    private static final FunctionDecl TWICE = function("twice", List.of(WHO), IrType.STRING, List.of(),
            ret(cat(cat(call("greet", IrType.STRING, ref(WHO)), str(" ")), call("greet", IrType.STRING, ref(WHO)))));

    /** shout(s) prints, returns nothing. */
    private static final FunctionDecl SHOUT = function("shout", List.of(WHO), IrType.VOID, List.of(),
            p("%s!!\n", ref(WHO)), ret(null), p("unreachable\n"));

    /** firstOver(limit): returns from inside a loop. */
    private static final LocalVar I = lv("i", IrType.LONG, 1);
    private static final FunctionDecl FIRST = function("firstOver", List.of(N), IrType.LONG, List.of(I),
            fors(set(ref(I), num(0)), null, inc(ref(I)),
                    ifs(cmp(CmpOp.GT, bin(BinOp.MUL, ref(I), ref(I)), ref(N)), ret(ref(I)), null)));

    /** Overloads: pick#1 declines negative numbers with next, pick#2 takes the rest. */
    private static final FunctionDecl PICK1 = function("pick#1", List.of(N), IrType.STRING, List.of(),
            ifs(cmp(CmpOp.LT, ref(N), num(0)), next(), null), ret(str("non-negative")));
    private static final FunctionDecl PICK2 = function("pick#2", List.of(N), IrType.STRING, List.of(),
            ifs(cmp(CmpOp.EQ, ref(N), num(-100)), next(), null), ret(str("negative")));

    private final Harness h = new Harness(List.of(), List.of(FIB, GREET, TWICE, SHOUT, FIRST, PICK1, PICK2));

    private static Expr pick(long n, int line) {
        return new Expr.Call(List.of("pick#1", "pick#2"), List.of(num(n)), IrType.STRING, at(line, 1));
    }

    @Test
    void recursion() {
        assertEquals("55 0 1\n", h.output(p("%d %d %d\n",
                call("fib", IrType.LONG, num(10)), call("fib", IrType.LONG, num(0)), call("fib", IrType.LONG, num(1)))));
    }

    @Test
    void nestedCallsWithStringsAndFreshLocals() {
        assertEquals("hello bob! hello bob!\n", h.output(p("%s\n", call("twice", IrType.STRING, str("bob")))));
    }

    @Test
    void stringResultsAreCut() {
        Harness small = new Harness(List.of(), List.of(GREET), RuntimeLimits.DEFAULTS.withMaxStringLen(10));
        assertEquals("hello ali\n", small.output(p("%s\n", call("greet", IrType.STRING, str("alice")))));
    }

    @Test
    void voidFunctionAndEarlyReturn() {
        assertEquals("hey!!\n", h.output(s(call("shout", IrType.VOID, str("hey")))));
    }

    @Test
    void returnFromInsideALoop() {
        assertEquals("4\n", h.output(p("%d\n", call("firstOver", IrType.LONG, num(10)))));
    }

    @Test
    void nextFallsThroughToTheNextOverload() {
        assertEquals("non-negative negative\n", h.output(p("%s %s\n", pick(3, 1), pick(-3, 1))));
        assertEquals("ERROR: all functions exhausted near identifier 'pick#1' at t.stp:4:1",
                h.error(p("%s\n", pick(-100, 4))));
    }

    @Test
    void nextInAProbeEndsTheHandler() {
        assertEquals("one\n", h.output(p("one\n"), next(), p("two\n")));
    }

    @Test
    void functionWithoutReturnYieldsZeroOrEmpty() {
        FunctionDecl nothing = function("nothing", List.of(), IrType.LONG, List.of(), p("side effect\n"));
        FunctionDecl empty = function("empty", List.of(), IrType.STRING, List.of());
        Harness h2 = new Harness(List.of(), List.of(nothing, empty));
        assertEquals("side effect\n0 []\n", h2.output(p("%d [%s]\n",
                call("nothing", IrType.LONG), call("empty", IrType.STRING))));
    }
}
