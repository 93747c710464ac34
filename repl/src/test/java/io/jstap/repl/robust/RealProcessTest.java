package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input to a real jstap process ({@code main}, its own stdout/stderr, default thread stack): what
 * escapes there (an uncaught error, "Exception in thread main") no in-process run would show.
 */
class RealProcessTest {

    static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private void assertRefused(ChildCli c, String firstLine) throws InterruptedException {
        int status = c.await(LIMIT);
        String err = c.stderr();
        assertFalse(InProcessCli.STACK_TRACE.matcher(c.stdout() + err).find(), InProcessCli.head(err));
        assertEquals(1, status, InProcessCli.head(err));
        assertTrue(err.startsWith(firstLine), InProcessCli.head(err));
    }

    @Test
    void aTenMegabyteLineFile() throws Exception {
        String text = "probe begin { x = \"" + "a".repeat(10 << 20) + "\" + }\n";
        Path f = Files.writeString(dir.resolve("big.stp"), text);
        try (ChildCli c = ChildCli.start(dir, List.of(f.toString()))) {
            assertRefused(c, "parse error: expected expression\n        at: " + f + ":1:" + (text.lastIndexOf('}') + 1));
        }
    }

    @Test
    void tenThousandNestedParentheses() throws Exception {
        Path f = Files.writeString(dir.resolve("deep.stp"),
                "probe begin { x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + "; exit() }\n");
        try (ChildCli c = ChildCli.start(dir, List.of(f.toString()))) {
            assertRefused(c, "parse error: too deeply nested\n        at: " + f + ":1:");
        }
    }

    @Test
    void binaryJunkOnStandardInput() throws Exception {
        byte[] junk = new byte[1 << 16];
        new Random(42).nextBytes(junk);
        junk[0] = (byte) 0xc3; // an invalid first character, whatever the rest is
        junk[1] = (byte) 0x28;
        Path f = Files.write(dir.resolve("junk.bin"), junk);
        try (ChildCli c = ChildCli.start(dir, List.of("-"), f)) {
            assertRefused(c, "parse error: unexpected character '\\xc3'\n        at: <stdin>:1:1");
        }
    }

    @Test
    void anEndlessDeviceAsTheScript() throws Exception {
        try (ChildCli c = ChildCli.start(dir, List.of("/dev/zero"))) {
            assertRefused(c, "jstap: script file '/dev/zero' is larger than 64 MiB");
        }
    }

    @Test
    void aScriptWithoutProbesDoesNotWaitForever() throws Exception {
        try (ChildCli c = ChildCli.start(dir, List.of("-e", "global x"))) {
            assertRefused(c, "semantic error: no probes found\nPass 2: analysis failed.");
        }
    }
}
