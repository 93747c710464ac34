package io.jstap.compiler.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** sys/sdt.h argument operands for x86_64: sizes, registers, constants and memory forms. */
class UsdtArgTest {

    private static UsdtArg p(String s) throws UsdtArg.ParseException {
        return UsdtArg.parse(s);
    }

    @Test
    void registersByTheirSixtyFourBitName() throws Exception {
        assertEquals(new UsdtArg(-4, UsdtArg.Kind.REGISTER, "di", 0, null, 1, 0, "-4@%edi"), p("-4@%edi"));
        assertEquals(new UsdtArg(8, UsdtArg.Kind.REGISTER, "ax", 0, null, 1, 0, "8@%rax"), p("8@%rax"));
        assertEquals("r12", p("2@%r12w").base());
        assertEquals("si", p("-1@%sil").base());
        assertEquals("r9", p("-4@%r9d").base());
        assertEquals("dx", p("-2@%dx").base());
        assertEquals(-8, p("%rdi").size()); // version-1 notes have no size: a long
    }

    @Test
    void constantsAndMemory() throws Exception {
        assertEquals(new UsdtArg(4, UsdtArg.Kind.CONSTANT, null, 0, null, 1, 5, "4@$5"), p("4@$5"));
        assertEquals(-3, p("-4@$-3").value());
        assertEquals(255, p("8@$0xff").value());
        assertEquals(new UsdtArg(8, UsdtArg.Kind.MEMORY, "bp", -16, null, 1, 0, "8@-16(%rbp)"), p("8@-16(%rbp)"));
        assertEquals(new UsdtArg(-4, UsdtArg.Kind.MEMORY, "sp", 0, null, 1, 0, "-4@(%rsp)"), p("-4@(%rsp)"));
        assertEquals(new UsdtArg(2, UsdtArg.Kind.MEMORY, "ax", 0x10, "bx", 4, 0, "2@0x10(%rax,%rbx,4)"),
                p("2@0x10(%rax,%rbx,4)"));
        assertEquals(new UsdtArg(1, UsdtArg.Kind.MEMORY, null, 8, "cx", 8, 0, "1@8(,%rcx,8)"), p("1@8(,%rcx,8)"));
    }

    @Test
    void aWholeListAndItsCount() throws Exception {
        UsdtProbe site = new UsdtProbe("p", "n", 0x1000, 0, " -4@%edi 8@-16(%rbp)  4@$5 ");
        assertEquals(3, site.argCount());
        assertEquals(List.of("di", "bp"), site.args().subList(0, 2).stream().map(UsdtArg::base).toList());
        assertEquals(0, new UsdtProbe("p", "n", 0, 0, "").argCount());
        assertEquals(List.of(), UsdtArg.parseAll(""));
    }

    @Test
    void unreadableOperandsSayWhy() {
        assertEquals("USDT argument '8@counter(%rip)' addresses memory through a symbol; only register-relative "
                + "operands are read", assertThrows(UsdtArg.ParseException.class, () -> p("8@counter(%rip)")).getMessage());
        assertEquals("USDT argument '8@8(%rip)' is relative to %rip; only other registers are read",
                assertThrows(UsdtArg.ParseException.class, () -> p("8@8(%rip)")).getMessage());
        assertEquals("USDT argument '-1@%ah' uses register %ah, which is not an x86_64 general-purpose register",
                assertThrows(UsdtArg.ParseException.class, () -> p("-1@%ah")).getMessage());
        assertEquals("USDT argument '3@%eax' has size 3; only 1, 2, 4 and 8 bytes are read",
                assertThrows(UsdtArg.ParseException.class, () -> p("3@%eax")).getMessage());
        assertEquals("USDT argument '4@$sym' is a symbolic constant; only numbers are read",
                assertThrows(UsdtArg.ParseException.class, () -> p("4@$sym")).getMessage());
        assertEquals("bad scale in USDT argument '4@(%rax,%rbx,3)'",
                assertThrows(UsdtArg.ParseException.class, () -> p("4@(%rax,%rbx,3)")).getMessage());
    }
}
