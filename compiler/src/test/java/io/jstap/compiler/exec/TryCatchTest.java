package io.jstap.compiler.exec;

import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.BinOp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TryCatchTest {

    private final LocalVar msg = lv("msg", IrType.STRING, 0);
    private final LocalVar x = lv("x", IrType.LONG, 1);
    private final List<LocalVar> locals = List.of(msg, x);

    /** boom(n) = 10 / n, called at t.stp:8:3. */
    private final FunctionDecl boom = function("boom", List.of(lv("n", IrType.LONG, 0)), IrType.LONG,
            List.of(lv("tmp", IrType.LONG, 1)),
            s(set(ref(lv("tmp", IrType.LONG, 1)), num(99))),
            ret(bin(BinOp.DIV, num(10), ref(lv("n", IrType.LONG, 0)), at(8, 3))));

    private final Harness h = new Harness(List.of(), List.of(boom));

    @Test
    void catchesARuntimeErrorWithItsBareMessage() {
        assertEquals("caught [division by 0]\nafter\n", h.output(locals,
                tryCatch(p("%d\n", bin(BinOp.DIV, num(1), num(0))), msg, p("caught [%s]\n", ref(msg))),
                p("after\n")));
    }

    @Test
    void catchesErrorRaisedByErrorFunction() {
        assertEquals("got boom!\n", h.output(locals,
                tryCatch(block(s(fn("error", IrType.VOID, str("boom!"))), p("not here\n")),
                        msg, p("got %s\n", ref(msg)))));
    }

    @Test
    void uncaughtErrorFunctionNamesTheCall() {
        assertEquals("ERROR: custom failure near identifier 'error' at t.stp:2:4",
                h.error(s(fnAt(at(2, 4), "error", IrType.VOID, str("custom failure")))));
    }

    @Test
    void errorInsideAFunctionUnwindsToTheProbesFrame() {
        assertEquals("caught division by 0, x=7\n", h.output(locals,
                s(set(ref(x), num(7))),
                tryCatch(p("%d\n", call("boom", IrType.LONG, num(0))), msg,
                        p("caught %s, x=%d\n", ref(msg), ref(x)))));
        assertEquals("5\n", h.output(locals, p("%d\n", call("boom", IrType.LONG, num(2)))));
    }

    @Test
    void uncaughtErrorInAFunctionNamesTheInnerToken() {
        assertEquals("ERROR: division by 0 near operator '/' at t.stp:8:3",
                h.error(locals, p("%d\n", call("boom", IrType.LONG, num(0)))));
    }

    @Test
    void innerTryHandlesFirstAndErrorsInHandlersPropagate() {
        LocalVar m2 = lv("m2", IrType.STRING, 2);
        String out = h.output(List.of(msg, x, m2),
                tryCatch(
                        block(
                                tryCatch(s(fn("error", IrType.VOID, str("inner"))), msg,
                                        block(p("inner caught %s\n", ref(msg)), s(fn("error", IrType.VOID, str("again"))))),
                                p("not reached\n")),
                        m2, p("outer caught %s\n", ref(m2))));
        assertEquals("inner caught inner\nouter caught again\n", out);
    }

    @Test
    void catchWithoutVariable() {
        assertEquals("handled\n", h.output(locals,
                tryCatch(s(fn("error", IrType.VOID, str("x"))), null, p("handled\n"))));
    }

    @Test
    void caughtMessageIsCutToMaxStringLen() {
        Harness small = new Harness(List.of(), List.of(), RuntimeLimits.DEFAULTS.withMaxStringLen(6));
        assertEquals("[divis]\n", small.output(locals,
                tryCatch(p("%d\n", bin(BinOp.MOD, num(1), num(0))), msg, p("[%s]\n", ref(msg)))));
    }
}
