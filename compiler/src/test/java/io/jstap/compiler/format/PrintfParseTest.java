package io.jstap.compiler.format;

import static io.jstap.compiler.format.ArgKind.LONG;
import static io.jstap.compiler.format.ArgKind.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The format grammar: segments, argument kinds and the errors stap's parser reports. */
class PrintfParseTest {

    @Test
    void segmentsOfAFormat() throws FormatException {
        PrintfFormat f = PrintfFormat.parse("pid %-8d name %.*s 100%%\n");
        assertEquals(List.of(
                new Segment.Literal("pid "),
                new Conversion('d', Conversion.FLAG_LEFT | Conversion.FLAG_SIGN, 8, false, -1, false, 4),
                new Segment.Literal(" name "),
                new Conversion('s', 0, -1, false, -1, true, 14),
                new Segment.Literal(" 100%\n")),
            f.segments());
        assertEquals(List.of(LONG, LONG, STRING), f.argKinds());
    }

    static Stream<Arguments> argKindCases() {
        return Stream.of(
            Arguments.of("", List.of()),
            Arguments.of("%%", List.of()),
            Arguments.of("%d %i %u %o %x %X %p %c %b %m %M", List.of(LONG, LONG, LONG, LONG, LONG, LONG, LONG, LONG, LONG, LONG, LONG)),
            Arguments.of("%s%s", List.of(STRING, STRING)),
            Arguments.of("%*s", List.of(LONG, STRING)),
            Arguments.of("%*.*s", List.of(LONG, LONG, STRING)),
            Arguments.of("%.*m", List.of(LONG, LONG)),
            Arguments.of("%ld %lx", List.of(LONG, LONG)));
    }

    @ParameterizedTest
    @MethodSource("argKindCases")
    void argKinds(String format, List<ArgKind> kinds) throws FormatException {
        assertEquals(kinds, PrintfFormat.parse(format).argKinds());
    }

    static Stream<Arguments> errorCases() {
        return Stream.of(
            Arguments.of("%y", "invalid or missing conversion specifier", 1),
            Arguments.of("abc %q", "invalid or missing conversion specifier", 5),
            Arguments.of("%lld", "invalid or missing conversion specifier", 2),  // only one 'l' is skipped
            Arguments.of("%+-5d", "invalid or missing conversion specifier", 2), // only one flag is read
            Arguments.of("%-#x", "invalid or missing conversion specifier", 2),
            Arguments.of("%hd", "invalid or missing conversion specifier", 1),
            Arguments.of("%f", "invalid or missing conversion specifier", 1),
            Arguments.of("%n", "invalid or missing conversion specifier", 1),
            Arguments.of("x %5", "trailing incomplete print format conversion", 2),
            Arguments.of("%-", "trailing incomplete print format conversion", 0),
            Arguments.of("%.5", "trailing incomplete print format conversion", 0),
            Arguments.of("%*", "trailing incomplete print format conversion", 0),
            Arguments.of("%5l", "trailing incomplete print format conversion", 0));
    }

    @ParameterizedTest
    @MethodSource("errorCases")
    void errors(String format, String message, int offset) {
        FormatException e = assertThrows(FormatException.class, () -> PrintfFormat.parse(format));
        assertEquals(message, e.getMessage());
        assertEquals(offset, e.offsetInFormat());
    }

    @Test
    void printFamilyFormats() {
        PrintfFormat print = PrintfFormat.forPrint(List.of(LONG, STRING, LONG, STRING), null, false);
        List<Object> args = List.of(1L, "two", 3L, "four");
        assertEquals("1two3four", print.format(args));
        assertEquals("1two3four\n", PrintfFormat.forPrint(print.argKinds(), null, true).format(args));
        assertEquals("1, two, 3, four", PrintfFormat.forPrint(print.argKinds(), ", ", false).format(args));
        assertEquals("1%two%3%four\n", PrintfFormat.forPrint(print.argKinds(), "%", true).format(args));
        assertEquals("%d%%%s%%%d%%%s\n", PrintfFormat.forPrint(print.argKinds(), "%", true).source());
        assertEquals("hello<-->world<-->777",
            PrintfFormat.forPrint(List.of(STRING, STRING, LONG), "<-->", false).format(List.of("hello", "world", 777L)));
        assertEquals("\n", PrintfFormat.forPrint(List.of(), null, true).format(List.of()));
    }

    @Test
    void wrongArgumentsAreRejected() throws FormatException {
        PrintfFormat f = PrintfFormat.parse("%d %s");
        assertThrows(IllegalArgumentException.class, () -> f.format(List.of(1L)));
        assertThrows(IllegalArgumentException.class, () -> f.format(List.of("a", "b")));
        assertThrows(IllegalArgumentException.class, () -> f.format(List.of(1L, 2L)));
    }

    @Test
    void conversionProperties() throws FormatException {
        Conversion m = (Conversion) PrintfFormat.parse("%#.16M").segments().get(0);
        assertEquals(true, m.dumpsMemory());
        assertEquals(true, m.readsUserMemory());
        assertEquals(16, m.memoryDumpLength(0));
        Conversion p = (Conversion) PrintfFormat.parse("%p").segments().get(0);
        assertEquals(16, p.base());
        assertEquals(true, p.hasFlag(Conversion.FLAG_SPECIAL));
        assertEquals(1, ((Conversion) PrintfFormat.parse("%m").segments().get(0)).memoryDumpLength(0));
        assertEquals(1, ((Conversion) PrintfFormat.parse("%.0m").segments().get(0)).memoryDumpLength(0));
        Conversion dyn = (Conversion) PrintfFormat.parse("%.*m").segments().get(0);
        assertEquals(4096, dyn.memoryDumpLength(4096));
        assertEquals(1, dyn.memoryDumpLength(-7));
        StapError e = assertThrows(StapError.class, () -> dyn.memoryDumpLength(4097));
        assertEquals("4097 is too many bytes for a memory dump", e.getMessage());
    }
}
