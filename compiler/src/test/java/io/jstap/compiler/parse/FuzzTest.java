package io.jstap.compiler.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random inputs: token soup and mutations (deletions, duplications, byte flips, junk insertion) of the
 * examples and the corpus. Each must end in an AST or diagnostics within a time limit; a clean parse must
 * print back to an equal AST. Deterministic: the seed is fixed, and a failure names the case.
 */
class FuzzTest {
    private static final long SEED = 0x5eedL;
    private static final int SOUP_CASES = 4000;
    private static final int MUTATION_CASES = 7000;
    private static final Duration PER_CASE = Duration.ofSeconds(10);

    private static final String[] SOUP = {
        "probe", "global", "private", "function", "if", "else", "for", "foreach", "in", "limit", "return",
        "delete", "while", "break", "continue", "next", "string", "long", "try", "catch", "begin", "end",
        "syscall", "read", "return", "timer", "ms", "kernel", "trace", "x", "y", "arr", "printf", "print",
        "@count", "@sum", "@avg", "@min", "@max", "@variance", "@hist_log", "@hist_linear", "@entry",
        "@defined", "@cast", "@var", "@define", "@foo", "@1", "$1", "$#", "@#", "$var", "$$vars", "$", "$$",
        "0", "1", "42", "0x1f", "017", "99999999999999999999", "\"s\"", "\"%d\\n\"", "\"", "%{ c %}", "%{",
        "%(", "%?", "%:", "%)", "kernel_v", "arch", "\"x86_64\"", "CONFIG_HZ", "defined",
        "(", ")", "[", "]", "{", "}", ";", ",", ".", "=", "+", "-", "*", "/", "%", "<", ">", "!", "~", "&", "|",
        "^", "?", ":", "<<<", "<<=", ">>=", "==", "!=", "<=", ">=", "=~", "!~", "+=", "-=", "*=", "/=", "%=",
        "&=", "^=", "|=", ".=", "&&", "||", "++", "--", "->", "<<", ">>", "#", "//", "/*", "*/", "\n", " ",
        "\0", "\u00ff", "\\", "`",
    };

    @Test
    void tokenSoupAlwaysEndsInAstOrDiagnostics() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < SOUP_CASES; i++) {
            int n = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 400 : 40);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < n; k++) {
                sb.append(SOUP[rnd.nextInt(SOUP.length)]).append(rnd.nextInt(4) == 0 ? "" : " ");
            }
            FrontEndChecks.parseWithin(PER_CASE, "soup-" + i, sb.toString(), ParseCorpusTest.CTX);
        }
    }

    @Test
    void mutatedScriptsAlwaysEndInAstOrDiagnostics() {
        List<String> seeds = seeds();
        assertTrue(seeds.size() >= 50);
        Random rnd = new Random(SEED + 1);
        int clean = 0;
        for (int i = 0; i < MUTATION_CASES; i++) {
            String text = seeds.get(rnd.nextInt(seeds.size()));
            int mutations = 1 + rnd.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                text = mutate(rnd, text);
            }
            if (!FrontEndChecks.parseWithin(PER_CASE, "mutant-" + i, text, ParseCorpusTest.CTX)
                    .diagnostics().hasErrors()) {
                clean++;
            }
        }
        // Some mutants stay valid (comments, whitespace): those exercised the round trip too.
        assertTrue(clean > 0, "no mutant parsed cleanly");
    }

    private static List<String> seeds() {
        List<String> out = new ArrayList<>();
        for (Path dir : List.of(Corpus.examples(), Corpus.dir("parse-ok"), Corpus.dir("parse-error"))) {
            for (Path p : Corpus.scripts(dir)) {
                out.add(Corpus.source(p).text());
            }
        }
        return out;
    }

    private static String mutate(Random rnd, String text) {
        if (text.isEmpty()) {
            return SOUP[rnd.nextInt(SOUP.length)];
        }
        int at = rnd.nextInt(text.length());
        int len = 1 + rnd.nextInt(Math.min(40, text.length() - at));
        switch (rnd.nextInt(5)) {
            case 0: // deletion
                return text.substring(0, at) + text.substring(at + len);
            case 1: // duplication
                return text.substring(0, at + len) + text.substring(at, at + len) + text.substring(at + len);
            case 2: { // byte flip
                char[] cs = text.toCharArray();
                cs[at] = (char) rnd.nextInt(256);
                return new String(cs);
            }
            case 3: { // junk insertion
                StringBuilder junk = new StringBuilder();
                int n = 1 + rnd.nextInt(8);
                for (int k = 0; k < n; k++) {
                    junk.append(rnd.nextBoolean() ? SOUP[rnd.nextInt(SOUP.length)] : String.valueOf((char) rnd.nextInt(128)));
                }
                return text.substring(0, at) + junk + text.substring(at);
            }
            default: { // swap two slices
                int other = rnd.nextInt(text.length());
                int olen = 1 + rnd.nextInt(Math.min(40, text.length() - other));
                String a = text.substring(at, at + len);
                String b = text.substring(other, other + olen);
                return text.substring(0, at) + b + text.substring(at + len) + a;
            }
        }
    }
}
