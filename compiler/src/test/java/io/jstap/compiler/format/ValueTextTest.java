package io.jstap.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values as print() writes them and as the REPL shows them. */
class ValueTextTest {

    @Test
    void printWritesDecimalsAndRawStrings() {
        // testsuite/systemtap.string/sprint
        assertEquals("12345678", ValueText.print(12345678L));
        assertEquals("-42", ValueText.print(-42L));
        assertEquals("66", ValueText.print(0x42L));
        assertEquals("0x42", ValueText.print("0x42"));
        assertEquals("a\nb", ValueText.print("a\nb"));
        assertEquals("-9223372036854775808", ValueText.print(Long.MIN_VALUE));
    }

    @Test
    void printMatchesPrintfOfTheSynthesizedFormat() {
        List<Object> args = Arrays.asList("hello", 999L);
        String viaFormat = PrintfFormat.forPrint(List.of(ArgKind.STRING, ArgKind.LONG), null, false).format(args);
        assertEquals(ValueText.print("hello") + ValueText.print(999L), viaFormat);
    }

    @Test
    void replLiterals() {
        assertEquals("42", ValueText.literal(42L));
        assertEquals("\"sshd\"", ValueText.literal("sshd"));
        assertEquals("\"a\\\"b\\\\c\\n\\t\\001\\177é\"", ValueText.literal("a\"b\\c\n\t\u0001\u007fé"));
        assertEquals("[1423, \"sshd\"]", ValueText.key(List.of(1423L, "sshd")));
        assertEquals("[]", ValueText.key(List.of()));
        Stats s = new Stats();
        assertEquals("@count=0", ValueText.literal(s));
        s.add(3);
        s.add(5);
        assertEquals("@count=2 @min=3 @max=5 @sum=8 @avg=4", ValueText.literal(s));
    }
}
