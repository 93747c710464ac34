package io.jstap.compiler.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Binary {@code %b}, memory dumps {@code %m}/{@code %M}, and {@code sprintf} limits. */
class PrintfBytesTest {
    /** Little-endian bytes "deadbeef", as stap's testsuite builds with big_endian8(0x6465616462656566). */
    private static final long DEADBEEF = 0x6665656264616564L;

    static byte[] bytes(String format, Object... args) throws FormatException {
        return PrintfFormat.parse(format).formatBytes(Arrays.asList(args));
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** stap's testsuite/systemtap.printf/bin6 (little-endian). Padding bytes are NULs. */
    static Stream<Arguments> binaryCases() {
        return Stream.of(
            Arguments.of(":%b:", List.of(DEADBEEF), ":deadbeef:"),
            Arguments.of(":%1b:", List.of(DEADBEEF), ":d:"),
            Arguments.of(":%2b:", List.of(DEADBEEF), ":de:"),
            Arguments.of(":%4b:", List.of(DEADBEEF), ":dead:"),
            Arguments.of(":%8b:", List.of(DEADBEEF), ":deadbeef:"),
            Arguments.of(":%*b:", List.of(2L, DEADBEEF), ":de:"),
            Arguments.of(":%.4b:", List.of(DEADBEEF), ":dead:"),
            Arguments.of(":%.*b:", List.of(1L, DEADBEEF), ":d:"),
            Arguments.of(":%1.8b:", List.of(DEADBEEF), ":deadbeef:"),
            Arguments.of(":%2.4b:", List.of(DEADBEEF), ":dead:"),
            Arguments.of(":%4.2b:", List.of(DEADBEEF), ":\0\0de:"),
            Arguments.of(":%8.1b:", List.of(DEADBEEF), ":\0\0\0\0\0\0\0d:"),
            Arguments.of(":%*.*b:", List.of(4L, 2L, DEADBEEF), ":\0\0de:"),
            Arguments.of(":%-4.2b:", List.of(DEADBEEF), ":de\0\0:"),
            Arguments.of(":%3b:", List.of(DEADBEEF), ":deadbeef:"),  // 3 is no binary size: 8 bytes
            Arguments.of(":%.3b:", List.of(DEADBEEF), ":deadbeef:"));
    }

    @ParameterizedTest
    @MethodSource("binaryCases")
    void binary(String format, List<Object> args, String expected) throws FormatException {
        assertArrayEquals(ascii(expected), PrintfFormat.parse(format).formatBytes(args));
    }

    @Test
    void binaryMatchesStapBin2AndBin3() throws FormatException {
        assertArrayEquals(new byte[] {0x12, 0x34, 0x56, 0x78}, bytes("%1b%1b%1b%1b", 0x12L, 0x34L, 0x56L, 0x78L));
        assertArrayEquals(new byte[] {'a', '=', 0x12, ' ', 'b', '=', 0x34}, bytes("a=%1b b=%1b", 0x12L, 0x34L));
        // big_endian2(0xabcd) holds 0xcdab, whose little-endian bytes are ab cd
        assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xcd}, bytes("%2b", 0xcdabL));
    }

    @Test
    void binaryInTextOutputDecodesAsUtf8() throws FormatException {
        assertEquals("A\0\0\0", PrintfFormat.parse("%4b").format(List.of(65L)));
        assertEquals("é", PrintfFormat.parse("%2b").format(List.of(0xA9C3L)));
    }

    static Stream<Arguments> memoryCases() {
        byte[] mem = "Hello, world!".getBytes(StandardCharsets.US_ASCII);
        return Stream.of(
            Arguments.of("%m", List.of(mem), "H"),
            Arguments.of("%.5m", List.of(mem), "Hello"),
            Arguments.of("%.*m", List.of(5L, mem), "Hello"),
            Arguments.of("%5m", List.of(mem), "    H"),
            Arguments.of("%*m", List.of(5L, mem), "    H"),
            Arguments.of("%4.5m", List.of(mem), "Hello"),
            Arguments.of("%15.5m", List.of(mem), "          Hello"),
            Arguments.of("%-8.5m|", List.of(mem), "Hello   |"),
            Arguments.of("%*.*m", List.of(15L, 13L, mem), "  Hello, world!"),
            Arguments.of("%M", List.of(mem), "48"),
            Arguments.of("%.6M", List.of(mem), "48656c6c6f2c"),
            Arguments.of("%*.*M", List.of(14L, 6L, mem), "  48656c6c6f2c"),
            Arguments.of("%-14.6M|", List.of(mem), "48656c6c6f2c  |"),
            Arguments.of("%#.2M", List.of(new byte[] {(byte) 0xff, 0x0a}), "ff0a"));
    }

    @ParameterizedTest
    @MethodSource("memoryCases")
    void memoryDumps(String format, List<Object> args, String expected) throws FormatException {
        assertEquals(expected, PrintfFormat.parse(format).format(args));
    }

    @Test
    void memoryDumpErrors() throws FormatException {
        PrintfFormat f = PrintfFormat.parse("x%.*my");
        StapError tooMany = assertThrows(StapError.class, () -> f.format(List.of(5000L, new byte[5000])));
        assertEquals("5000 is too many bytes for a memory dump", tooMany.getMessage());
        StringBuilder sb = new StringBuilder();
        assertThrows(StapError.class, () -> f.appendTo(sb, List.of(5000L, new byte[5000])));
        assertEquals("", sb.toString()); // stap checks before writing anything
        assertEquals("4097 is too many bytes for a memory dump", assertThrows(StapError.class,
            () -> PrintfFormat.parse("%.4097M").format(List.of(new byte[4097]))).getMessage());
        StapError unread = assertThrows(StapError.class, () -> PrintfFormat.parse("%m").format(List.of(0x1000L)));
        assertEquals("cannot dump memory at 0x1000: its contents were not read", unread.getMessage());
    }

    @Test
    void sprintfLimitsAndNul() throws FormatException {
        PrintfFormat s = PrintfFormat.parse("%s");
        String x600 = "x".repeat(600);
        assertEquals(x600.substring(0, 511), s.sprintf(List.of(x600), 512));
        assertEquals(x600.substring(0, 127), s.sprintf(List.of(x600), 128));
        // a character cut by the limit is dropped: 255 two-byte characters fit in 511 bytes
        assertEquals("é".repeat(255), s.sprintf(List.of("é".repeat(300)), 512));
        // NUL ends a stap string: what follows a %c of 0, or a '0'-flagged %s, is lost
        assertEquals("ab", PrintfFormat.parse("ab%ccd").sprintf(List.of(0L), 512));
        assertEquals("a", PrintfFormat.parse("%0sX").sprintf(List.of("a"), 512));
        // widths are clamped to the room left in the result
        assertEquals(" ".repeat(9), PrintfFormat.parse("%20d").sprintf(List.of(5L), 10));
        assertEquals("abc", PrintfFormat.parse("%s%d").sprintf(List.of("abc", 12345L), 4));
        // binary bytes that are not UTF-8 become U+FFFD
        assertEquals("\uFFFD", PrintfFormat.parse("%1b").sprintf(List.of(0xFFL), 512));
        assertEquals("a\uFFFD", PrintfFormat.parse("a%c").sprintf(List.of(0xC3L), 512));
        assertEquals("\uFFFD|", PrintfFormat.parse("%.1s|").sprintf(List.of("é"), 512));
    }

    @Test
    void sprintfMatchesStapStringTests() throws FormatException {
        assertEquals("take 3 steps forward, 2 steps back\n",
            PrintfFormat.parse("take %d steps forward, %d steps back\n").sprintf(List.of(3L, 2L), 512));
        assertEquals("9 is 011 in octal",
            PrintfFormat.parse("%d is %03o in octal").sprintf(List.of(9L, 9L), 512));
        assertEquals("255 is 0XFF in hex",
            PrintfFormat.parse("%d is %#X in hex").sprintf(List.of(255L, 255L), 512));
        assertEquals("-  9 is -9", PrintfFormat.parse("-% 3d is % d").sprintf(List.of(9L, -9L), 512));
    }

    @Test
    void printBufferLimitsOneRecord() throws FormatException {
        byte[] out = bytes("%s%s", "a".repeat(500), "b".repeat(500));
        assertEquals(1000, out.length);
        String long9k = "y".repeat(9000);
        assertEquals(PrintfFormat.STP_BUFFER_SIZE, bytes("%.*s", 9000L, long9k).length);
        assertEquals(PrintfFormat.STP_BUFFER_SIZE, PrintfFormat.parse(long9k).format(List.of()).length());
    }
}
