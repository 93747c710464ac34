package io.jstap.compiler.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScannerTest {

    private static List<String> texts(String s) {
        return Scanner.scan(s).tokens().stream().map(Token::text).toList();
    }

    @Test
    void operatorsLongestFirst() {
        assertEquals(List.of("a", "<<<", "b", "<<=", "c", "->", "d", ".=", "e"), texts("a <<< b <<= c -> d .= e"));
    }

    @Test
    void contextVariablesAndMacros() {
        assertEquals(List.of("$prev_comm", "$$vars$", "@count", "(", "$1", ")"),
            texts("$prev_comm $$vars$ @count($1)"));
    }

    @Test
    void stringsAreDecodedAndMayBeOpen() {
        Scanner.Result r = Scanner.scan("x = \"a\\\"b");
        assertTrue(r.inString());
        assertEquals("a\"b", r.last().text());
        assertFalse(Scanner.scan("\"a\\\\\"").inString());
    }

    @Test
    void commentsAreDroppedAndReportedWhenOpen() {
        assertEquals(List.of("a", "b"), texts("a # x { \n b"));
        assertTrue(Scanner.scan("a // x").inComment());
        assertFalse(Scanner.scan("a // x").inBlockComment());
        assertTrue(Scanner.scan("a /* x").inBlockComment());
        assertEquals(List.of("a", "b"), texts("a /* { */ b"));
    }

    @Test
    void conditionalMarkers() {
        assertEquals(List.of("%(", "x", "%?", "y", "%:", "z", "%)", "a", "%", "b"), texts("%( x %? y %: z %) a % b"));
    }
}
