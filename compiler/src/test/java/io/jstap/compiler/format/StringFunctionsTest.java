package io.jstap.compiler.format;

import static io.jstap.compiler.format.StringFunctions.DEFAULT_MAXSTRINGLEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The string tapset against stap's testsuite/systemtap.string expectations, plus multibyte text. */
class StringFunctionsTest {
    private static final int M = DEFAULT_MAXSTRINGLEN;

    static Stream<Arguments> substrCases() {
        // testsuite/systemtap.string/substr
        return Stream.of(
            Arguments.of(0L, 0L, ""), Arguments.of(-1L, 10L, ""), Arguments.of(10L, 0L, ""),
            Arguments.of(0L, 1L, "H"), Arguments.of(1L, 1L, "e"), Arguments.of(2L, 1L, "l"),
            Arguments.of(2L, 5L, "llo W"), Arguments.of(6L, 1L, "W"), Arguments.of(11L, 1L, "!"),
            Arguments.of(11L, 100L, "!"), Arguments.of(12L, 1L, ""), Arguments.of(0L, 10L, "Hello Worl"),
            Arguments.of(0L, 100L, "Hello World!"), Arguments.of(0L, 100000L, "Hello World!"),
            Arguments.of(0L, -5L, ""), Arguments.of(0L, Long.MAX_VALUE, ""));  // length+1 wraps negative
    }

    @ParameterizedTest
    @MethodSource("substrCases")
    void substr(long start, long length, String expected) {
        assertEquals(expected, StringFunctions.substr("Hello World!", start, length, M));
    }

    @Test
    void substrCountsBytesAndDropsSplitCharacters() {
        // "aé€b": a=0, é=1..2, €=3..5, b=6
        assertEquals("é", StringFunctions.substr("aé€b", 1, 2, M));
        assertEquals("é", StringFunctions.substr("aé€b", 1, 4, M));     // € would need bytes 3..5
        assertEquals("€b", StringFunctions.substr("aé€b", 2, 5, M));    // starts inside é
        assertEquals("aé€b", StringFunctions.substr("aé€b", 0, 7, M));
        assertEquals("abc", StringFunctions.substr("abcdef", 0, 100, 4)); // at most MAXSTRINGLEN-1
    }

    static Stream<Arguments> strtolCases() {
        // testsuite/systemtap.string/strtol, then other bases and malformed input
        return Stream.of(
            Arguments.of("1", 10L, 1L), Arguments.of("-1", 10L, -1L), Arguments.of("123456789", 10L, 123456789L),
            Arguments.of("-123456789", 10L, -123456789L), Arguments.of("abcdef", 10L, 0L),
            Arguments.of("1a2b3c4d5e6f7g8h9", 10L, 1L), Arguments.of(" 1 2 3 4", 10L, 0L), Arguments.of("", 10L, 0L),
            Arguments.of("1000", 10L, 1000L), Arguments.of("1000", 16L, 4096L), Arguments.of("1000", 8L, 512L),
            Arguments.of("1000", 2L, 8L),
            Arguments.of("0x1F", 16L, 31L), Arguments.of("0X1f", 0L, 31L), Arguments.of("ff", 16L, 255L),
            Arguments.of("0x", 16L, 0L), Arguments.of("0xg", 0L, 0L), Arguments.of("017", 0L, 15L),
            Arguments.of("19", 0L, 19L), Arguments.of("018", 0L, 1L), Arguments.of("1a2b3c4d5e6f7g8h9", 16L, 0x1a2b3c4d5e6f7L),
            Arguments.of("zz", 36L, 0L),                        // only digits up to 'f' exist
            Arguments.of("fg", 36L, 15L), Arguments.of("+5", 10L, 0L), Arguments.of("--5", 10L, 0L),
            Arguments.of("-ff", 16L, -255L), Arguments.of("777", 7L, 0L), Arguments.of("123", 1L, 0L),
            Arguments.of("9223372036854775808", 10L, Long.MIN_VALUE),   // wraps, no error
            Arguments.of("18446744073709551617", 10L, 1L),
            Arguments.of("-9223372036854775808", 10L, Long.MIN_VALUE),
            Arguments.of("12", 0x1_0000_000aL, 12L));            // the base is a C unsigned int
    }

    @ParameterizedTest
    @MethodSource("strtolCases")
    void strtol(String s, long base, long expected) {
        assertEquals(expected, StringFunctions.strtol(s, base));
    }

    @Test
    void strpos() {
        // testsuite/systemtap.string/strpos
        assertEquals(-1, StringFunctions.strpos("foo", "abcfoobad"));
        assertEquals(3, StringFunctions.strpos("abcfoobad", "foo"));
        assertEquals(0, StringFunctions.strpos("foo", "foo"));
        assertEquals(0, StringFunctions.strpos("foo", ""));
        assertEquals(-1, StringFunctions.strpos("", "foo"));
        assertEquals(0, StringFunctions.strpos("", ""));
        assertEquals(3, StringFunctions.strpos("éa€", "€"));
    }

    @Test
    void lengthsAndSearches() {
        assertEquals(0, StringFunctions.strlen(""));
        assertEquals(10, StringFunctions.strlen("0123456789"));
        assertEquals(6, StringFunctions.strlen("aé€"));
        assertEquals(4, StringFunctions.strlen("😀"));
        assertEquals(1, StringFunctions.isinstr("hello world", "o w"));
        assertEquals(0, StringFunctions.isinstr("hello", "world"));
        assertEquals(1, StringFunctions.isinstr("hello", ""));
        assertEquals(1, StringFunctions.isdigit("7up"));
        assertEquals(0, StringFunctions.isdigit("up7"));
        assertEquals(0, StringFunctions.isdigit(""));
    }

    @Test
    void stringat() {
        assertEquals('o', StringFunctions.stringat("ok", 0));
        assertEquals('k', StringFunctions.stringat("ok", 1));
        assertEquals((byte) 0xC3, StringFunctions.stringat("é", 0));   // a signed char, as on x86
        assertEquals((byte) 0xA9, StringFunctions.stringat("é", 1));
        StapError e = assertThrows(StapError.class, () -> StringFunctions.stringat("ok", 2));
        assertEquals("Position out of bounds", e.getMessage());
        assertThrows(StapError.class, () -> StringFunctions.stringat("ok", -1));
    }

    @Test
    void strReplace() {
        // testsuite/systemtap.string/str_replace, run with -DMAXSTRINGLEN=128
        String s1 = "hello system tap";
        String s2 = "Here I am, on the road again. there I am, up on the stage, Here I go, playing star again."
            + " There I go, turn the page.- Bob Seger";
        assertEquals("hello pointer tap", StringFunctions.strReplace(s1, "system", "pointer", 128));
        assertEquals("pointer system tap", StringFunctions.strReplace(s1, "hello", "pointer", 128));
        assertEquals("hello system pointer", StringFunctions.strReplace(s1, "tap", "pointer", 128));
        assertEquals("Here I am, on the bored again. there I am, up on the stage, Here I go, playing star again."
            + " There I go, turn the page.- Bob Sege", StringFunctions.strReplace(s2, "road", "bored", 128));
        assertEquals("here I am, on the road again. there I am, up on the stage, here I go, playing star again."
            + " There I go, turn the page.- Bob Seger", StringFunctions.strReplace(s2, "Here", "here", 128));
        assertEquals("hello  tap", StringFunctions.strReplace(s1, "system", "", 128));
        assertEquals(s1, StringFunctions.strReplace(s1, "", "pointer", 128));
        assertEquals("", StringFunctions.strReplace("", "", "pointer", 128));
        assertEquals("xbxba", StringFunctions.strReplace("aaa", "aa", "xbxb", 128));
        assertEquals("bba", StringFunctions.strReplace("aaaaa", "aa", "b", 128));
    }

    @Test
    void textStr() {
        // testsuite/systemtap.string/text_str (the ASCII lines)
        String a = "1234567890";
        String b = a + a;
        String c = a + b;
        assertEquals(c, StringFunctions.textStr(c, M));
        assertEquals(b, StringFunctions.textStrn(b, 0, 0, M));
        assertEquals(a, StringFunctions.textStrn(c, 10, 0, M));
        assertEquals("\"" + c + "\"", StringFunctions.textStrn(c, 0, 1, M));
        assertEquals("\"12345\"...", StringFunctions.textStrn(a, 10, 1, M));
        assertEquals("\"12345\"...", StringFunctions.textStrn(c, 10, 1, M));
        assertEquals("\"1234567890\"", StringFunctions.textStrn(a, 12, 1, M));
        assertEquals("\"1234567\"...", StringFunctions.textStrn(b, 12, 1, M));
        String ctl = "\n\nXYZZY\031";
        String ctl2 = "?\u0007\n\n\r\n";
        assertEquals("\\n\\nXYZZY\\031", StringFunctions.textStr(ctl, M));
        assertEquals("\\n\\nXYZZY\\031?\\a\\n\\n\\r\\n", StringFunctions.textStr(ctl + ctl2, M));
        assertEquals("\\n\\nXYZZY", StringFunctions.textStrn(ctl, 10, 0, M));
        assertEquals("\\n\\nXYZZY", StringFunctions.textStrn(ctl, 12, 0, M));   // \031 needs 4 more
        assertEquals("?\\a\\n\\n\\r", StringFunctions.textStrn(ctl2, 10, 0, M));
        assertEquals("\"\\n\\nX\"...", StringFunctions.textStrn(ctl, 10, 1, M));
        assertEquals("\"\\n\\nXYZZY\\031\"", StringFunctions.textStrn(ctl, 15, 1, M));
        assertEquals("\"\\n\\nXYZZY\"...", StringFunctions.textStrn(ctl + ctl2, 15, 1, M));
        assertEquals("\"?\\a\\n\\n\"...", StringFunctions.textStrn(ctl2, 12, 1, M));  // no escape is split
    }

    @Test
    void textStrUnicodeEscapes() {
        assertEquals("caf\\u00E9 \\u20AC \\U0001F600", StringFunctions.textStr("café € 😀", M));
        assertEquals("\\\"\\\\\\177\\001", StringFunctions.textStr("\"\\\u007f\u0001", M));
        assertEquals("ab", StringFunctions.textStrn("ab\u00e9", 7, 0, M));  // \u00E9 needs 6 bytes
        assertEquals("\"abc\"...", StringFunctions.textStrn("abc\u00e9d", 8, 1, M));
        // an escape the closing "... would cut into is dropped whole
        assertEquals("\"\"...", StringFunctions.textStrn("\u00e9\u00e9", 10, 1, M));
        assertEquals("\"\"...", StringFunctions.textStrn("\u00e9\u00e9", 6, 1, M));
    }

    @Test
    void stringQuoted() {
        // testsuite/systemtap.string/string_quoted
        assertEquals("\"\"", StringFunctions.stringQuoted("", M));
        assertEquals("\"hello world\"", StringFunctions.stringQuoted("hello world", M));
        assertEquals("\"hello\\nworld\"", StringFunctions.stringQuoted("hello\nworld", M));
        assertEquals("\"\\\"hello\\nworld\\\"\"", StringFunctions.stringQuoted("\"hello\nworld\"", M));
        String longer = "x".repeat(20);
        assertEquals("\"" + "x".repeat(14) + "\"...", StringFunctions.stringQuoted(longer, 20));
        assertEquals(19, StringFunctions.stringQuoted(longer, 20).length());
        assertEquals("\"" + "x".repeat(17) + "\"", StringFunctions.stringQuoted("x".repeat(17), 20));
    }

    @Test
    void truncationAtMaxStringLen() {
        assertEquals("x".repeat(511), StringFunctions.truncate("x".repeat(600), 512));
        assertEquals("0123456789012345678901234567890123456789012345678901234567890123456789"
            .substring(0, 63), StringFunctions.truncate("0123456789".repeat(7), 64));
        // multibyte text is cut before the character that would cross the limit
        assertEquals("é".repeat(63), StringFunctions.truncate("é".repeat(100), 128));   // 126 bytes
        assertEquals("a" + "€".repeat(42), StringFunctions.truncate("a" + "€".repeat(50), 128)); // 127 bytes
        assertEquals("aa" + "€".repeat(41), StringFunctions.truncate("aa" + "€".repeat(50), 128)); // 125 bytes
        assertEquals("😀".repeat(31), StringFunctions.truncate("😀".repeat(40), 128)); // 124 bytes
        assertEquals("short", StringFunctions.truncate("short", 128));
        assertEquals("helloworld", StringFunctions.concat("hello", "world", M));
        assertEquals("hel", StringFunctions.concat("he", "llo", 4));
    }

    @Test
    void comparisonIsByteOrder() {
        assertEquals(0, StringFunctions.compare("abc", "abc"));
        assertEquals(-1, Integer.signum(StringFunctions.compare("abc", "abd")));
        assertEquals(1, Integer.signum(StringFunctions.compare("abc", "ab")));
        // U+FFFD sorts before U+1F600 in UTF-8 bytes though not in UTF-16 units
        assertEquals(-1, Integer.signum(StringFunctions.compare("\uFFFD", "😀")));
        assertEquals(1, Integer.signum("\uFFFD".compareTo("😀")));
    }
}
