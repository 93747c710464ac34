package io.jstap.compiler.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Byte arithmetic on strings. */
class Utf8Test {

    @Test
    void lengths() {
        assertEquals(0, Utf8.length(""));
        assertEquals(3, Utf8.length("abc"));
        assertEquals(2, Utf8.length("é"));
        assertEquals(3, Utf8.length("€"));
        assertEquals(4, Utf8.length("😀"));
        assertEquals(3, Utf8.length("\ud800"));          // unpaired surrogate counts as U+FFFD
        assertEquals(3, Utf8.length("aé€", 0, 2));
        assertEquals(3, Utf8.length("aé€", 2, 3));
    }

    @Test
    void encodeMatchesTheJdkForWellFormedText() {
        String s = "ascii é € 😀 \u0000 end";
        assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), Utf8.encode(s));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}, Utf8.encode("\udc00"));
    }

    @Test
    void truncateNeverSplitsACharacter() {
        assertEquals("ab", Utf8.truncate("abé", 3));
        assertEquals("abé", Utf8.truncate("abé", 4));
        assertEquals("", Utf8.truncate("😀", 3));
        assertEquals("😀", Utf8.truncate("😀x", 4));
        assertEquals("", Utf8.truncate("abc", 0));
        assertEquals("", Utf8.truncate("abc", -1));
    }

    @Test
    void decodeSliceDropsPartialCharactersAtBothEnds() {
        byte[] b = "aé€b".getBytes(StandardCharsets.UTF_8);  // 61 c3a9 e282ac 62
        assertEquals("aé€b", Utf8.decodeSlice(b, 0, b.length));
        assertEquals("€b", Utf8.decodeSlice(b, 2, 7));
        assertEquals("aé", Utf8.decodeSlice(b, 0, 5));
        assertEquals("", Utf8.decodeSlice(b, 4, 5));
        byte[] bad = {'x', (byte) 0xFF, 'y'};
        assertEquals("x\uFFFDy", Utf8.decodeSlice(bad, 0, 3));
        assertEquals("x\uFFFD", Utf8.decodeSlice(bad, 0, 2));  // 0xFF starts no character
    }
}
