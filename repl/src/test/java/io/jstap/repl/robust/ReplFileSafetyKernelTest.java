package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and the REPL session: a {@code :load} of a missing file or of something that cannot be read as a
 * script (a directory), and a {@code -I} directory that does not exist, change nothing in the session
 * (its snippets and values stay, later input works); {@code :save} and the history create files readable
 * by their owner only.
 */
@Tag("kernel")
class ReplFileSafetyKernelTest {

    static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** What {@code :list} printed between the marker lines {@code start} and {@code end}. */
    private static String between(String out, String start, String end) {
        int from = out.indexOf(start + "\n");
        int to = out.indexOf(end + "\n", from);
        assertTrue(from >= 0 && to > from, out);
        return out.substring(from + start.length() + 1, to);
    }

    @Test
    void badLoadsAndAMissingIncludeDirectoryChangeNothing() throws Exception {
        Path missing = dir.resolve("no-such.stp");
        Path saved = dir.resolve("saved.stp");
        try (ChildCli c = ChildCli.repl(dir, "-I", dir.resolve("no-such-dir").toString())) {
            c.send("global kept\nprobe syscall.getppid { kept++ }\nkept = 5\n"
                    + "printf(\"S1\\n\")\n:list\nprintf(\"E1\\n\")\n"
                    + ":load " + missing + "\n:load " + dir + "\n"
                    + "printf(\"S2\\n\")\n:list\nprintf(\"E2\\n\")\n"
                    + "printf(\"kept %d\\n\", kept >= 5)\n:save " + saved + "\n:quit\n");
            assertEquals(0, c.await(LIMIT), c.stderr());
            String out = c.stdout();
            String before = between(out, "S1", "E1");
            assertTrue(before.contains("global kept") && before.contains("probe syscall.getppid"), before);
            assertEquals(before, between(out, "S2", "E2"));
            assertEquals(1, ChildCli.occurrences(out, "ERROR: cannot read " + missing + ": No such file or directory\n"),
                    out);
            assertEquals(1, ChildCli.occurrences(out, "ERROR: cannot read " + dir + ": Is a directory\n"), out);
            assertEquals(1, ChildCli.occurrences(out, "kept 1\n"), out);
            assertEquals(0, ChildCli.occurrences(out, "error"), out);
            assertTrue(c.stderr().contains("jstap: ignoring -I " + dir.resolve("no-such-dir")
                    + ": not a readable directory\n"), c.stderr());
            assertTrue(Files.readString(saved).contains("global kept"), Files.readString(saved));
            assertPrivate(saved);
            assertPrivate(dir.resolve(".jstap_history"));
            assertTrue(Files.readString(dir.resolve(".jstap_history")).contains(":load " + missing),
                    "history saved");
        }
    }

    private static void assertPrivate(Path file) throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), file.toString());
    }
}
