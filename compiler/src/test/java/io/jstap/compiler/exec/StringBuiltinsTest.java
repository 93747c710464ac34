package io.jstap.compiler.exec;

import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StringBuiltinsTest {

    private final Harness h = new Harness();

    @Test
    void probeNamesInAUserspaceProbe() {
        assertEquals("timer.s(1) timer.s(1) [] []\n", h.output(p("%s %s [%s] [%s]\n",
                fn("pp", IrType.STRING), fn("pn", IrType.STRING),
                fn("probefunc", IrType.STRING), fn("ppfunc", IrType.STRING))));
    }

    @Test
    void lengthsAndPositionsCountBytes() {
        assertEquals("6 3 -1 1 0\n", h.output(p("%d %d %d %d %d\n",
                fn("strlen", IrType.LONG, str("héllo")),
                fn("strpos", IrType.LONG, str("héllo"), str("l")),
                fn("strpos", IrType.LONG, str("abc"), str("z")),
                fn("isinstr", IrType.LONG, str("abc"), str("bc")),
                fn("isinstr", IrType.LONG, str("abc"), str("cb")))));
    }

    @Test
    void substrReplaceAndNumbers() {
        assertEquals("ell|a-b-c|255|-12|16|1 0\n", h.output(p("%s|%s|%d|%d|%d|%d %d\n",
                fn("substr", IrType.STRING, str("hello"), num(1), num(3)),
                fn("str_replace", IrType.STRING, str("a b c"), str(" "), str("-")),
                fn("strtol", IrType.LONG, str("ff"), num(16)),
                fn("strtol", IrType.LONG, str("-12xyz"), num(10)),
                fn("strtol", IrType.LONG, str("0x10"), num(0)),
                fn("isdigit", IrType.LONG, str("7a")),
                fn("isdigit", IrType.LONG, str("a7")))));
    }

    @Test
    void escapingFunctions() {
        assertEquals("a\\nb \"tab\\there\"\n", h.output(p("%s %s\n",
                fn("text_str", IrType.STRING, str("a\nb")),
                fn("string_quoted", IrType.STRING, str("tab\there")))));
    }

    @Test
    void stringatOutOfBoundsIsAnError() {
        assertEquals("98\n", h.output(p("%d\n", fn("stringat", IrType.LONG, str("abc"), num(1)))));
        assertEquals("ERROR: Position out of bounds near identifier 'stringat' at t.stp:2:5",
                h.error(p("%d\n", fnAt(at(2, 5), "stringat", IrType.LONG, str("abc"), num(3)))));
    }

    @Test
    void tokenizeKeepsItsPlaceAcrossCallsAndRuns() {
        LocalVar t = lv("t", IrType.STRING, 0);
        assertEquals("[a][b]", h.output(List.of(t),
                p("[%s]", fn("tokenize", IrType.STRING, str("a,,b,c"), str(","))),
                p("[%s]", fn("tokenize", IrType.STRING, str(""), str(",")))));
        assertEquals("[c][]", h.output(List.of(t),
                p("[%s]", fn("tokenize", IrType.STRING, str(""), str(","))),
                p("[%s]", fn("tokenize", IrType.STRING, str(""), str(",")))));
    }
}
