package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.bpfgen.RecordDecoder;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.module.OutputRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputKernelTest extends CodegenKernelTest {

    @Test
    void printfRecordsCarryLongAndStringArguments() {
        LocalVar i = lv("i", IrType.LONG, 0);
        LoadedModule m = load(List.of(scalar("n", IrType.LONG)),
                probe(List.of(i), s(set(ref(i), inc(gvar("n", IrType.LONG)))),
                        p("call %d of %s: %x\n", ref(i), str("getppid"), bin(BinOp.MUL, ref(i), num(-1)))));
        getppid(3);
        assertEquals(List.of("call 0 of getppid: 0\n", "call 1 of getppid: ffffffffffffffff\n",
                "call 2 of getppid: fffffffffffffffe\n"), m.texts(3));
        assertEquals(0, m.dropped());
    }

    @Test
    void divisionByZeroIsAnErrorRecordWithTheOperatorAndEndsTheProbe() {
        LocalVar z = lv("z", IrType.LONG, 0);
        LoadedModule m = load(List.of(scalar("after", IrType.LONG)),
                probe(List.of(z), s(set(gvar("after", IrType.LONG), bin(BinOp.DIV, num(10), ref(z), at(3, 9)))),
                        s(set(gvar("after", IrType.LONG), num(1)))));
        getppid(2);
        List<RecordDecoder.Decoded> records = m.records(2);
        assertEquals(2, records.size());
        assertEquals(OutputRecord.Kind.ERROR, records.get(0).record().kind());
        assertEquals("division by 0 near operator '/' at t.stp:3:9", records.get(0).text());
        assertEquals(at(3, 9), records.get(0).record().loc());
        assertEquals(0L, m.get("after"), "the statement after the error must not run");
    }

    @Test
    void printAndPrintlnUseStapsFormats() {
        LoadedModule m = load(List.of(),
                probe(List.of(), s(fn("println", IrType.VOID, num(-5), str("a"), num(7))),
                        s(fn("printdln", IrType.VOID, str(", "), num(1), str("b"))),
                        s(fn("exit", IrType.VOID))));
        getppid(1);
        List<RecordDecoder.Decoded> r = m.records(3);
        assertEquals(List.of("-5a7\n", "1, b\n", ""), r.stream().map(RecordDecoder.Decoded::text).toList());
        assertEquals(OutputRecord.Kind.EXIT, r.get(2).record().kind());
    }

    @Test
    void sprintfFormatsIntegersAndStringsAndCutsAtMaxStringLen() {
        RuntimeLimits limits = RuntimeLimits.DEFAULTS.withMaxStringLen(24);
        LocalVar s = lv("s", IrType.STRING, 0);
        LoadedModule m = load(compile(List.of(array("k", IrType.LONG, IrType.STRING)), List.of(), limits,
                probe(List.of(s),
                        s(set(ref(s), sprintf("%d|%u", num(Long.MIN_VALUE), num(-1)))),
                        p("%s\n", ref(s)),
                        s(set(ref(s), sprintf("%x|%X|%o", num(-2), num(255), num(8)))),
                        p("%s\n", ref(s)),
                        s(set(ref(s), sprintf("%s-%d-%i", fn("sprint", IrType.STRING, str("a"), num(-7)), num(0), num(42)))),
                        p("%s\n", ref(s)),
                        // the third piece does not fit: cut before the split character, then nothing more
                        s(set(ref(s), sprintf("%s%s%s", str("0123456789012345678901"), str("\u00e9\u00e9"), str("z")))),
                        p("%s|\n", ref(s)),
                        s(inc(elem("k", IrType.LONG, sprintf("%s:%d", str("pid"), num(5))))))));
        getppid(1);
        assertEquals(List.of("-9223372036854775808|18\n", "fffffffffffffffe|FF|10\n", "a-7-0-42\n",
                "0123456789012345678901|\n"), m.texts(4));
        assertEquals(java.util.Map.of(List.of("pid:5"), 1L), m.entries("k"));
    }

    @Test
    void sprintfAppliesFlagsWidthsAndPrecisions() {
        LocalVar s = lv("s", IrType.STRING, 0);
        LoadedModule m = load(compile(List.of(), List.of(), RuntimeLimits.DEFAULTS,
                probe(List.of(s),
                        s(set(ref(s), sprintf("%#o|%#x|%-5d|%05d", num(420), num(255), num(-3), num(-42)))),
                        p("%s\n", ref(s)),
                        s(set(ref(s), sprintf("%+d|% d|%8s|%-4s|%.2s|%c", num(7), num(7), str("ab"), str("x"),
                                str("hello"), num(65)))),
                        p("%s\n", ref(s)),
                        s(set(ref(s), sprintf("%#o|%#X|%3c|%.4d|%-6x|%+5d", num(0), num(0), num(66), num(5),
                                num(10), num(12)))),
                        p("%s\n", ref(s)))));
        getppid(1);
        assertEquals(List.of("0644|0xff|-3   |-0042\n", "+7| 7|      ab|x   |he|A\n", "00|0X0|  B|0005|a     |  +12\n"),
                m.texts(3));
    }

    @Test
    void stringsConcatenateAndTruncateAtMaxStringLen() {
        RuntimeLimits limits = RuntimeLimits.DEFAULTS.withMaxStringLen(16);
        LocalVar s = lv("s", IrType.STRING, 0);
        LoadedModule m = load(compile(List.of(scalar("out", IrType.STRING)), List.of(), limits,
                probe(List.of(s), s(set(ref(s), cat(str("abc"), str("defgh")))),
                        p("%s|\n", ref(s)),
                        // 8 + 8 bytes: cut to 15
                        s(set(ref(s), cat(ref(s), str("ijklmnopq")))),
                        p("%s|\n", ref(s)),
                        // a 2-byte character that would end at byte 16 is dropped whole
                        s(set(ref(s), cat(str("12345678901234"), str("\u00e9x")))),
                        p("%s|\n", ref(s)),
                        s(set(gvar("out", IrType.STRING), cat(ref(s), str("zz")))))));
        getppid(1);
        assertEquals(List.of("abcdefgh|\n", "abcdefghijklmno|\n", "12345678901234|\n"), m.texts(3));
        assertEquals("12345678901234z", m.get("out"));
    }
}
