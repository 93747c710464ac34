package io.jstap.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tokenize() sequences; the first cases are stap's testsuite/systemtap.string/tokenize. */
class TokenizerTest {

    /** stap's tokprint(): the first token of the input, then tokenize("", delim) until "". */
    static List<String> tokens(Tokenizer t, String input, String delim) {
        List<String> out = new ArrayList<>();
        String tok = t.tokenize(input, delim);
        while (!tok.isEmpty()) {
            out.add(tok);
            tok = t.tokenize("", delim);
        }
        return out;
    }

    @Test
    void stapTestsuiteSequences() {
        Tokenizer t = new Tokenizer();
        String s1 = "one|two|three|four|five|six|seven|eight|nine|ten";
        assertEquals(List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
            tokens(t, s1, "|"));
        assertEquals(List.of(s1), tokens(t, s1, ","));
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), tokens(t, "a,b,c,d,e,f,g", ","));
        assertEquals(List.of("1", "2", "3", " ", "4"), tokens(t, "1,,2,3, ,4", ","));
        // an empty input continues the previous string, which is used up
        assertEquals(List.of(), tokens(t, "", ","));
        assertEquals(List.of("this is a string with no delimiters"),
            tokens(t, "this is a string with no delimiters", ","));
        assertEquals(List.of("this", "is", "a", "string", "which", "has", "two", "delimiters"),
            tokens(t, "this is a string, which has two delimiters", ", "));
    }

    @Test
    void stateCarriesAcrossCallsAndDelimitersMayChange() {
        Tokenizer t = new Tokenizer();
        assertEquals("", t.tokenize(","));                 // nothing tokenized yet
        assertEquals("a", t.tokenize("a,b;c,d", ","));
        assertEquals("b;c", t.tokenize(","));
        assertEquals("d", t.tokenize(";"));                // remaining text is "d"
        assertEquals("", t.tokenize(";"));
        assertEquals("", t.tokenize(","));
        assertEquals("x", t.tokenize("x", ""));            // no delimiter: the whole rest
        assertEquals("", t.tokenize(""));
        assertEquals("first", t.tokenize(",,first,,", ","));
        assertEquals("", t.tokenize(","));                 // trailing empty tokens are skipped
    }

    @Test
    void separateTokenizersDoNotShareState() {
        Tokenizer cpu0 = new Tokenizer();
        Tokenizer cpu1 = new Tokenizer();
        assertEquals("a", cpu0.tokenize("a b", " "));
        assertEquals("x", cpu1.tokenize("x y", " "));
        assertEquals("b", cpu0.tokenize(" "));
        assertEquals("y", cpu1.tokenize(" "));
    }

    @Test
    void multibyteDelimiters() {
        Tokenizer t = new Tokenizer();
        assertEquals(List.of("a", "b", "c"), tokens(t, "a€b€€c", "€"));
        assertEquals(List.of("é", "ü"), tokens(t, "é😀ü", "😀"));
    }
}
