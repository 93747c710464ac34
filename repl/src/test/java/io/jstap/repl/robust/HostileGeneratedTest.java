package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated hostile scripts, too big or too many to keep as files: a 10 MB line, 10,000-deep nesting of
 * every nestable construct, thousands of probes, seeded binary junk. Each goes through the command line
 * (in this JVM) and must end within the limit with exit code 1, a diagnostic pointing into the file, at
 * most 64 KiB of messages, and no stack trace. None reaches the kernel: all fail in passes 1 and 2.
 */
class HostileGeneratedTest {

    static final Duration LIMIT = Duration.ofSeconds(30);
    static final int MB10 = 10 << 20;
    static final int DEEP = 10_000;

    @TempDir
    static Path dir;

    /** A generated case: its script text, and the line:col the diagnostic must show (null: any in the file). */
    record Case(String name, byte[] text, String at) {
        static Case of(String name, String text, String at) {
            return new Case(name, text.getBytes(StandardCharsets.UTF_8), at);
        }
    }

    static List<Case> monsters() {
        List<Case> c = new ArrayList<>();
        String bigString = "probe begin { x = \"" + "a".repeat(MB10) + "\" + }\n";
        c.add(Case.of("10 MB line, error at its end", bigString, "1:" + (bigString.lastIndexOf('}') + 1)));
        String bigIdent = "probe begin { " + "y".repeat(MB10) + " = ; }\n";
        c.add(Case.of("10 MB identifier", bigIdent, "1:" + (bigIdent.indexOf(';') + 1)));
        c.add(Case.of("2 MB of escapes in a string", "probe begin { x = \"" + "\\n".repeat(1 << 20) + "\"; exit( }\n", null));
        c.add(Case.of("10 MB comment, then an error", "# " + "z".repeat(MB10) + "\nprobe begin { exit( }\n", "2:21"));
        c.add(Case.of("10,000 nested parentheses", "probe begin { x = " + "(".repeat(DEEP) + "1" + ")".repeat(DEEP)
                + "; exit() }\n", null));
        c.add(Case.of("10,000 nested braces", "probe begin " + "{".repeat(DEEP) + "}".repeat(DEEP) + "\n", null));
        c.add(Case.of("10,000 unclosed braces", "probe begin " + "{".repeat(DEEP) + "\n", null));
        c.add(Case.of("10,000 nested ifs", "probe begin { " + "if (1) ".repeat(DEEP) + "exit() }\n", null));
        c.add(Case.of("10,000 unary minuses", "probe begin { x = " + "- ".repeat(DEEP) + "1; exit() }\n", null));
        c.add(Case.of("10,000 logical nots", "probe begin { x = " + "!".repeat(DEEP) + "1; exit() }\n", null));
        c.add(Case.of("10,000 nested calls", "function f(n) { return n }\nprobe begin { x = " + "f(".repeat(DEEP) + "1"
                + ")".repeat(DEEP) + "; exit() }\n", null));
        c.add(Case.of("10,000 nested subscripts", "global a\nprobe begin { x = " + "a[".repeat(DEEP) + "1"
                + "]".repeat(DEEP) + "; exit() }\n", null));
        c.add(Case.of("10,000 nested ternaries", "probe begin { x = " + "1 ? ".repeat(DEEP) + "1" + " : 0".repeat(DEEP)
                + "; exit() }\n", null));
        c.add(Case.of("10,000 nested conditionals, an error inside", "%( 1 == 1 %? ".repeat(DEEP)
                + "probe begin { exit( }" + " %)".repeat(DEEP) + "\n", null));
        c.add(Case.of("100,000 chained additions", "probe begin { x = 1" + " + 1".repeat(100_000) + "; exit() }\n", null));
        StringBuilder probes = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            probes.append("probe timer.s(").append(i + 1).append(") { n").append(i).append("++ }\n");
        }
        c.add(Case.of("5,000 probes, the last one broken", probes + "probe begin { exit( }\n", "5001:21"));
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            bad.append("probe begin { x").append(i).append(" = \"s\" + 1 }\n");
        }
        c.add(Case.of("5,000 probes with a type error each", bad.toString(), "1:20"));
        StringBuilder globals = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            globals.append("global g").append(i).append('\n');
        }
        c.add(Case.of("100,000 globals, then a broken probe", globals + "probe begin { exit( }\n", "100001:21"));
        c.add(Case.of("a 20,000-argument printf", "probe begin { printf(\"%d\\n\"" + ", 1".repeat(20_000) + ") }\n",
                "1:15"));
        return c;
    }

    /** Seeded random bytes, from a byte to 1 MB, one byte forced into 0x80-0xbf (never a token). */
    static List<Case> junk() {
        Random rnd = new Random(0x10c5L);
        List<Case> c = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int n = 1 + rnd.nextInt(i % 10 == 0 ? 1 << 20 : 4096);
            byte[] b = new byte[n];
            rnd.nextBytes(b);
            b[rnd.nextInt(n)] = (byte) (0x80 + rnd.nextInt(0x40)); // never valid alone in UTF-8 or the lexer
            c.add(new Case("junk " + i + " (" + n + " bytes)", b, null));
        }
        return c;
    }

    @TestFactory
    Stream<DynamicTest> generatedMonstersAreRefusedPromptly() {
        return monsters().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    @TestFactory
    Stream<DynamicTest> binaryJunkIsRefusedPromptly() {
        return junk().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    @Test
    void aTenMegabyteScriptGivenWithDashEIsRefused() {
        String text = "probe begin { x = \"" + "a".repeat(MB10) + "\" + }";
        InProcessCli.Outcome o = InProcessCli.run(LIMIT, "-e", text);
        InProcessCli.assertNoStackTrace(o, "-e 10 MB");
        assertEquals(1, o.status(), o.err());
        assertTrue(o.err().contains("<input>:1:" + (text.lastIndexOf('}') + 1)), InProcessCli.head(o.err()));
    }

    static final Pattern POSITION = Pattern.compile(":\\d+:\\d+");

    static void check(Case c) throws IOException {
        Path f = Files.createTempFile(dir, "gen", ".stp");
        Files.write(f, c.text());
        try {
            InProcessCli.Outcome o = InProcessCli.run(LIMIT, f.toString());
            InProcessCli.assertNoStackTrace(o, c.name());
            assertEquals(1, o.status(), () -> c.name() + ": exit code; stderr:\n" + InProcessCli.head(o.err()));
            assertTrue(o.err().length() <= 64 << 10, () -> c.name() + ": " + o.err().length() + " chars of messages");
            String where = c.at() == null ? f.toString() : f + ":" + c.at();
            assertTrue(o.err().contains(where), () -> c.name() + ": no position " + where + " in\n"
                    + InProcessCli.head(o.err()));
            if (c.at() == null) {
                int i = o.err().indexOf(f.toString());
                assertTrue(POSITION.matcher(o.err().substring(i + f.toString().length())).lookingAt(),
                        () -> c.name() + ": the file is named without line:col\n" + InProcessCli.head(o.err()));
            }
        } finally {
            Files.delete(f);
        }
    }
}
