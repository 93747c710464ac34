package io.jstap.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Integer, pointer, character and string conversions; expected text from stap's test suite where it has one. */
class PrintfFormatTest {

    static String fmt(String format, Object... args) throws FormatException {
        return PrintfFormat.parse(format).format(Arrays.asList(args));
    }

    /** stap's testsuite/systemtap.printf/int1: each line formats 1, 10, 9000000000000, -1, -1024. */
    static Stream<Arguments> int1() {
        return Stream.of(
            Arguments.of("%d", "1,10,9000000000000,-1,-1024"),
            Arguments.of("%2d", " 1,10,9000000000000,-1,-1024"),
            Arguments.of("%16d", "               1,              10,   9000000000000,              -1,           -1024"),
            Arguments.of("%016d", "0000000000000001,0000000000000010,0009000000000000,-000000000000001,-000000000001024"),
            Arguments.of("%ld", "1,10,9000000000000,-1,-1024"),
            Arguments.of("%#d", "1,10,9000000000000,-1,-1024"),
            Arguments.of("%u", "1,10,9000000000000,18446744073709551615,18446744073709550592"),
            Arguments.of("%2u", " 1,10,9000000000000,18446744073709551615,18446744073709550592"),
            Arguments.of("%16u", "               1,              10,   9000000000000,18446744073709551615,18446744073709550592"),
            Arguments.of("%016u", "0000000000000001,0000000000000010,0009000000000000,18446744073709551615,18446744073709550592"),
            Arguments.of("%#lu", "1,10,9000000000000,18446744073709551615,18446744073709550592"),
            Arguments.of("%x", "1,a,82f79cd9000,ffffffffffffffff,fffffffffffffc00"),
            Arguments.of("%2x", " 1, a,82f79cd9000,ffffffffffffffff,fffffffffffffc00"),
            Arguments.of("%16x", "               1,               a,     82f79cd9000,ffffffffffffffff,fffffffffffffc00"),
            Arguments.of("%016x", "0000000000000001,000000000000000a,0000082f79cd9000,ffffffffffffffff,fffffffffffffc00"),
            Arguments.of("%16X", "               1,               A,     82F79CD9000,FFFFFFFFFFFFFFFF,FFFFFFFFFFFFFC00"),
            Arguments.of("%016X", "0000000000000001,000000000000000A,0000082F79CD9000,FFFFFFFFFFFFFFFF,FFFFFFFFFFFFFC00"),
            Arguments.of("%#x", "0x1,0xa,0x82f79cd9000,0xffffffffffffffff,0xfffffffffffffc00"),
            Arguments.of("%#lx", "0x1,0xa,0x82f79cd9000,0xffffffffffffffff,0xfffffffffffffc00"),
            Arguments.of("%o", "1,12,202757163310000,1777777777777777777777,1777777777777777776000"),
            Arguments.of("%2o", " 1,12,202757163310000,1777777777777777777777,1777777777777777776000"),
            Arguments.of("%16o", "               1,              12, 202757163310000,1777777777777777777777,1777777777777777776000"),
            Arguments.of("%016o", "0000000000000001,0000000000000012,0202757163310000,1777777777777777777777,1777777777777777776000"),
            Arguments.of("%#o", "01,012,0202757163310000,01777777777777777777777,01777777777777777776000"));
    }

    @ParameterizedTest
    @MethodSource("int1")
    void integerConversionsMatchStapTestsuite(String conv, String expected) throws FormatException {
        String f = String.join(",", conv, conv, conv, conv, conv);
        assertEquals(expected, fmt(f, 1L, 10L, 9000000000000L, -1L, -1024L));
    }

    /** Flags, widths and precisions one by one, including stap's single-flag grammar. */
    static Stream<Arguments> flagCases() {
        return Stream.of(
            Arguments.of("%+d", 5L, "+5"),
            Arguments.of("%+d", -5L, "-5"),
            Arguments.of("% d", 9L, " 9"),
            Arguments.of("% d", -9L, "-9"),
            Arguments.of("%-5d|", 42L, "42   |"),
            Arguments.of("%-05d|", 42L, "42   |"),          // '0' after '-' is part of the width
            Arguments.of("%05d", -42L, "-0042"),
            Arguments.of("%+5d", 42L, "  +42"),
            Arguments.of("%.4d", 7L, "0007"),
            Arguments.of("%8.4d", -7L, "   -0007"),
            Arguments.of("%-8.4d|", 7L, "0007    |"),
            Arguments.of("%.0d", 0L, "0"),
            Arguments.of("%.d", 0L, "0"),                 // '.' without digits: precision unspecified
            Arguments.of("%4.4x", 3456L, "0d80"),
            Arguments.of("%.4x", 3456L, "0d80"),
            Arguments.of("%#x", 0L, "0x0"),                // stap prefixes even zero
            Arguments.of("%#X", 255L, "0XFF"),
            Arguments.of("%#010x", 255L, "      0xff"),   // one flag only: "010" is the width
            Arguments.of("%#o", 0L, "00"),
            Arguments.of("%03o", 9L, "011"),
            Arguments.of("%i", -3L, "-3"),
            Arguments.of("%d", Long.MIN_VALUE, "-9223372036854775808"),
            Arguments.of("%u", Long.MIN_VALUE, "9223372036854775808"),
            Arguments.of("%x", Long.MIN_VALUE, "8000000000000000"),
            Arguments.of("%+u", 5L, "5"),                  // sign flags only affect %d/%i
            Arguments.of("% x", 5L, "5"));
    }

    @ParameterizedTest
    @MethodSource("flagCases")
    void flagsWidthsAndPrecisions(String format, long value, String expected) throws FormatException {
        assertEquals(expected, fmt(format, value));
    }

    /** stap's testsuite/systemtap.printf/ptr-1.3. */
    static Stream<Arguments> pointerCases() {
        return Stream.of(
            Arguments.of("%p", new String[] {"0x0", "0x1", "0x12345678", "0x12345678abcdef00"}),
            Arguments.of("%20pX", new String[] {"                 0x0X", "                 0x1X",
                "          0x12345678X", "  0x12345678abcdef00X"}),
            Arguments.of("%-20pX", new String[] {"0x0                 X", "0x1                 X",
                "0x12345678          X", "0x12345678abcdef00  X"}),
            Arguments.of("%.20pX", new String[] {"0x00000000000000000000X", "0x00000000000000000001X",
                "0x00000000000012345678X", "0x000012345678abcdef00X"}),
            Arguments.of("%20.8pX", new String[] {"          0x00000000X", "          0x00000001X",
                "          0x12345678X", "  0x12345678abcdef00X"}),
            Arguments.of("%-20.8pX", new String[] {"0x00000000          X", "0x00000001          X",
                "0x12345678          X", "0x12345678abcdef00  X"}),
            Arguments.of("%8p", new String[] {"     0x0", "     0x1", "0x12345678", "0x12345678abcdef00"}),
            Arguments.of("%-8pX", new String[] {"0x0     X", "0x1     X", "0x12345678X", "0x12345678abcdef00X"}),
            Arguments.of("%.8p", new String[] {"0x00000000", "0x00000001", "0x12345678", "0x12345678abcdef00"}),
            Arguments.of("%8.20p", new String[] {"0x00000000000000000000", "0x00000000000000000001",
                "0x00000000000012345678", "0x000012345678abcdef00"}));
    }

    @ParameterizedTest
    @MethodSource("pointerCases")
    void pointers(String format, String[] expected) throws FormatException {
        long[] values = {0L, 1L, 0x12345678L, 0x12345678abcdef00L};
        for (int k = 0; k < values.length; k++) {
            assertEquals(expected[k], fmt(format, values[k]), format + " of " + values[k]);
        }
    }

    @Test
    void charactersMatchStapTestsuite() throws FormatException {
        // testsuite/systemtap.printf/char1 and char2
        assertEquals("stap", fmt("%c%c%c%c", 115L, 116L, 97L, 112L));
        StringBuilder plain = new StringBuilder();
        for (char c : "abc-ABC 123!".toCharArray()) {
            plain.append(fmt("%#c", (long) c));
        }
        assertEquals("abc-ABC 123!", plain.toString());
        StringBuilder escaped = new StringBuilder();
        for (char c : "\u0007\b\f\n\r\t\u000b'\\".toCharArray()) {
            escaped.append(fmt("%#c", (long) c));
        }
        assertEquals("\\a\\b\\f\\n\\r\\t\\v\\'\\\\", escaped.toString());
        assertEquals("\\000\\033\\177\\222\\333\\377", fmt("%#c%#c%#c%#c%#c%#c", 0L, 033L, 0177L, 0222L, 0333L, 0377L));
    }

    static Stream<Arguments> charCases() {
        return Stream.of(
            Arguments.of("%3c|", 65L, "  A|"),
            Arguments.of("%-3c|", 65L, "A  |"),
            Arguments.of("%03c|", 65L, "  A|"),            // zero padding does not apply to %c
            Arguments.of("%c", 0x141L, "A"),                // only the low byte counts
            Arguments.of("%#5c|", 10L, "   \\n|"),
            Arguments.of("%#6c|", 200L, "  \\310|"),
            Arguments.of("%#c", (long) '"', "\""),          // a double quote is printable for %c
            Arguments.of("%c", 0xE9L, "\uFFFD"));           // a lone byte of a UTF-8 sequence
    }

    @ParameterizedTest
    @MethodSource("charCases")
    void characters(String format, long value, String expected) throws FormatException {
        assertEquals(expected, fmt(format, value));
    }

    @Test
    void bytesPrintedOneByOneFormOneCharacter() throws FormatException {
        assertEquals("é!", fmt("%c%c%c", 0xC3L, 0xA9L, 33L));
        assertEquals("\uFFFDA", fmt("%cA", 0xC3L));
    }

    static Stream<Arguments> stringCases() {
        return Stream.of(
            Arguments.of("<%s>", "Foobar!", "<Foobar!>"),
            Arguments.of("%10s|", "abc", "       abc|"),
            Arguments.of("%-10s|", "abc", "abc       |"),
            Arguments.of("%.2s|", "abc", "ab|"),
            Arguments.of("%.0s|", "abc", "|"),
            Arguments.of("%5.1s|", "abc", "    a|"),
            Arguments.of("%2s|", "abcdef", "abcdef|"),
            Arguments.of("%#s|", "a\"b", "a\"b|"),           // '#' does not escape strings
            Arguments.of("%05s|", "ab", "   ab\0|"),          // stap appends a NUL under '0'
            Arguments.of("%4s|", "é", "  é|"),                // widths count bytes: é is 2
            Arguments.of("%.1s|", "é", "\uFFFD|"),            // half a character is a malformed byte
            Arguments.of("%.3s|", "aé€", "aé|"),
            Arguments.of("%.4s|", "aé€", "aé\uFFFD|"));
    }

    @ParameterizedTest
    @MethodSource("stringCases")
    void strings(String format, String value, String expected) throws FormatException {
        assertEquals(expected, fmt(format, value));
    }

    @Test
    void dynamicWidthAndPrecision() throws FormatException {
        assertEquals("   42", fmt("%*d", 5L, 42L));
        assertEquals("0042", fmt("%.*d", 4L, 42L));
        assertEquals("   0042|", fmt("%*.*d|", 7L, 4L, 42L));
        assertEquals("ab|", fmt("%.*s|", 2L, "abcdef"));
        // compiled printf clamps a negative width to 0 rather than left-justifying
        assertEquals("42|", fmt("%*d|", -5L, 42L));
        // the argument is narrowed to a C int before clamping
        assertEquals("   42", fmt("%*d", 0x1_0000_0005L, 42L));
        assertEquals("42", fmt("%.*d", -3L, 42L));
    }

    @Test
    void percentAndLiterals() throws FormatException {
        assertEquals("Hello%World", fmt("Hello%%World"));
        assertEquals("100%", fmt("100%"));
        assertEquals("a%b 7", fmt("a%%b %d", 7L));
        assertEquals("abc", fmt("abc%l"));                     // stap drops an empty trailing directive
        assertEquals("x", fmt("x%."));
    }

    @Test
    void widthsAreClampedToThePrintBuffer() throws FormatException {
        String out = fmt("%9000d", 5L);
        assertEquals(PrintfFormat.STP_BUFFER_SIZE, out.length());
        assertEquals(" ".repeat(PrintfFormat.STP_BUFFER_SIZE - 1) + "5", out);
        String two = fmt("%8190dXYZ", 5L);
        assertEquals(" ".repeat(8189) + "5XY", two);
    }

    @Test
    void appendToAddsToExistingText() throws FormatException {
        StringBuilder sb = new StringBuilder("pre:");
        PrintfFormat f = PrintfFormat.parse("%s=%d;");
        f.appendTo(sb, List.of("a", 1L));
        f.appendTo(sb, List.of("b", 2L));
        assertEquals("pre:a=1;b=2;", sb.toString());
    }
}
