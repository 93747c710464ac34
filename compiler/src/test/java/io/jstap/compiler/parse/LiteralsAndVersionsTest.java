package io.jstap.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Number and string literal values, and the version and wildcard comparisons of conditionals. */
class LiteralsAndVersionsTest {

    @Test
    void numbersReadLikeStrtoull() throws Exception {
        assertEquals(0, LiteralParser.number("0", false));
        assertEquals(42, LiteralParser.number("42", false));
        assertEquals(0x1f, LiteralParser.number("0x1F", false));
        assertEquals(0x1f, LiteralParser.number("0X1f", false));
        assertEquals(8, LiteralParser.number("010", false));
        assertEquals(Long.MAX_VALUE, LiteralParser.number("9223372036854775807", false));
        assertEquals(Long.MIN_VALUE, LiteralParser.number("9223372036854775808", false));
        assertEquals(-1, LiteralParser.number("18446744073709551615", false));
        assertEquals(-1, LiteralParser.number("0xffffffffffffffff", false));
        assertEquals(Long.MIN_VALUE, LiteralParser.number("9223372036854775808", true));
        assertEquals(-5, LiteralParser.number("5", true));
    }

    @Test
    void malformedOrOversizedNumbersAreRefused() {
        for (String bad : new String[] {"18446744073709551616", "0x", "09", "12abc", "1e5", "0x1g",
                "99999999999999999999999999999999999999999999999999999999999999999999999999999"}) {
            assertThrows(LiteralParser.BadNumber.class, () -> LiteralParser.number(bad, false), bad);
        }
        assertThrows(LiteralParser.BadNumber.class, () -> LiteralParser.number("9223372036854775809", true));
    }

    @Test
    void stringEscapes() {
        assertEquals("a\nb\tc\rd", LiteralParser.string("\"a\\nb\\tc\\rd\""));
        assertEquals("\u0007\b\f\u000b", LiteralParser.string("\"\\a\\b\\f\\v\""));
        assertEquals("q\"\\", LiteralParser.string("\"\\q\\\"\\\\\""));
        assertEquals("ABC", LiteralParser.string("\"\\101\\x42\\x43\""));
        // Two hex digits at most: "\x414" is "A4".
        assertEquals("A4", LiteralParser.string("\"\\x414\""));
        assertEquals("\0" + "7", LiteralParser.string("\"\\0007\""));
        assertEquals("\u00ff", LiteralParser.string("\"\\377\""));
        assertEquals("x", LiteralParser.string("\"\\x\""));
        assertEquals("line\nnext", LiteralParser.string("\"line\\\nnext\""));
        assertEquals("", LiteralParser.string("\"\""));
    }

    @Test
    void versionsCompareByNumberRuns() {
        assertTrue(VersionMatch.compare("5.15.0", "5.4") > 0);
        assertTrue(VersionMatch.compare("5.4", "5.15.0") < 0);
        assertTrue(VersionMatch.compare("2.6.32", "2.6.9") > 0);
        assertEquals(0, VersionMatch.compare("6.1.0", "6.1.0"));
        assertTrue(VersionMatch.compare("6.1", "6.1.0") < 0);
        assertTrue(VersionMatch.compare("5.0-rc1", "5.0") > 0);
        // Leading zeros make a fraction, which sorts before the integers (strverscmp(3)).
        assertTrue(VersionMatch.compare("1.01", "1.1") < 0);
        assertTrue(VersionMatch.compare("1.001", "1.01") < 0);
    }

    @Test
    void wildcardsMatchLikeFnmatch() {
        assertTrue(VersionMatch.glob("x86*", "x86_64"));
        assertTrue(VersionMatch.glob("*", ""));
        assertTrue(VersionMatch.glob("i?86", "i686"));
        assertTrue(VersionMatch.glob("[ym]", "m"));
        assertFalse(VersionMatch.glob("[!ym]", "m"));
        assertTrue(VersionMatch.glob("5.*-generic", "5.15.0-91-generic"));
        assertFalse(VersionMatch.glob("5.*-generic", "5.15.0-91-aws"));
        assertFalse(VersionMatch.glob("x86", "x86_64"));
        assertTrue(VersionMatch.glob("*a*a*a*a*a*a*a*a*b", "a".repeat(40) + "b"));
        assertFalse(VersionMatch.glob("*a*a*a*a*a*a*a*a*b", "a".repeat(10_000)));
    }
}
