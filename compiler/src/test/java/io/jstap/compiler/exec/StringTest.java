package io.jstap.compiler.exec;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StringTest {

    /** MAXSTRINGLEN 8: strings hold at most 7 bytes. */
    private final RuntimeLimits small = RuntimeLimits.DEFAULTS.withMaxStringLen(8);
    private final LocalVar s = lv("s", IrType.STRING, 0);

    @Test
    void concatenationIsCutAtMaxStringLenMinusOne() {
        Harness h = new Harness(List.of(), List.of(), small);
        assertEquals("[abcdefg]\n", h.output(List.of(s),
                s(set(ref(s), cat(str("abcd"), str("efghij")))),
                p("[%s]\n", ref(s))));
    }

    @Test
    void appendAssignmentIsCutToo() {
        Harness h = new Harness(List.of(), List.of(), small);
        assertEquals("abcdef abcdefg\n", h.output(List.of(s),
                s(set(ref(s), str("abc"))),
                s(assign(ref(s), AssignOp.CONCAT, str("def"))),
                p("%s ", ref(s)),
                s(assign(ref(s), AssignOp.CONCAT, str("ghi"))),
                p("%s\n", ref(s))));
    }

    @Test
    void aCutNeverSplitsACharacter() {
        Harness h = new Harness(List.of(), List.of(), small);
        // "abcde" is 5 bytes; "é" takes 2 more (7 fits), "ü" would make 9
        assertEquals("abcdeé|\n", h.output(List.of(s),
                s(set(ref(s), cat(str("abcde"), str("éü")))),
                p("%s|\n", ref(s))));
        // 6 + 2 bytes does not fit: the whole character goes
        assertEquals("abcdef|\n", h.output(List.of(s),
                s(set(ref(s), cat(str("abcdef"), str("é")))),
                p("%s|\n", ref(s))));
    }

    @Test
    void literalsAndGlobalsAreStoredCut() {
        GlobalDecl g = scalar("g", IrType.STRING);
        Harness h = new Harness(List.of(g), List.of(), small);
        h.output(s(set(gvar("g", IrType.STRING), str("0123456789"))));
        assertEquals("0123456", h.store.get("g", List.of()));
    }

    @Test
    void defaultLimitKeeps127Bytes() {
        Harness h = new Harness();
        String x = "x".repeat(200);
        h.output(List.of(s), s(set(ref(s), str(x))), p("%s", ref(s)));
        assertEquals(127, h.interp.evaluate(cat(str(x), str("y")), List.of()).value().toString().length());
    }

    @Test
    void stringComparisonIsBytewise() {
        Harness h = new Harness();
        Expr lt = cmp(CmpOp.LT, str("abc"), str("abd"));
        Expr eq = cmp(CmpOp.EQ, str("abc"), str("abc"));
        Expr prefix = cmp(CmpOp.LT, str("ab"), str("abc"));
        Expr upper = cmp(CmpOp.GT, str("a"), str("B"));
        // U+FFFD sorts before U+1F600 in UTF-8 bytes, not in UTF-16 units
        Expr astral = cmp(CmpOp.LT, str("\uFFFD"), str("\uD83D\uDE00"));
        assertEquals("1 1 1 1 1\n", h.output(p("%d %d %d %d %d\n", lt, eq, prefix, upper, astral)));
    }

    @Test
    void sprintfResultIsCut() {
        Harness h = new Harness(List.of(), List.of(), small);
        assertEquals("[1234567]\n", h.output(List.of(s),
                s(set(ref(s), sprintf("%d%s", num(12345), str("6789")))),
                p("[%s]\n", ref(s))));
    }

    @Test
    void printFamily() {
        Harness h = new Harness();
        assertEquals("1a-2\n1,b\n3,c", h.output(
                s(fn("print", IrType.VOID, num(1), str("a"), num(-2))),
                s(fn("println", IrType.VOID)),
                s(fn("printdln", IrType.VOID, str(","), num(1), str("b"))),
                s(fn("printd", IrType.VOID, str(","), num(3), str("c")))));
        LocalVar t = lv("t", IrType.STRING, 0);
        assertEquals("4:d\n|", h.output(List.of(t),
                s(set(ref(t), fn("sprintdln", IrType.STRING, str(":"), num(4), str("d")))),
                p("%s|", ref(t))));
    }
}
