package io.jstap.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetCommandTest {

    @Test
    void wordsFollowShellQuoting() {
        assertEquals(List.of("ls", "-l", "a b", "c\"d", "e f"), TargetCommand.words("  ls -l 'a b' \"c\\\"d\" e\\ f "));
        assertEquals(List.of(), TargetCommand.words("   "));
    }

    @Test
    void aHeldCommandDoesNotRunUntilReleased(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("ran");
        TargetCommand c = TargetCommand.start("touch " + marker);
        try {
            assertFalse(c.onExit().isDone());
            Thread.sleep(200);
            assertFalse(Files.exists(marker), "the command ran before its release");
            assertTrue(c.alive());
            c.release();
            c.onExit().get(10, TimeUnit.SECONDS);
            assertEquals(0, c.exitValue());
            assertTrue(Files.exists(marker));
        } finally {
            c.close();
        }
    }

    @Test
    void aCommandNeverReleasedIsKilledOnClose(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("ran");
        TargetCommand c = TargetCommand.start("touch " + marker);
        c.close();
        assertFalse(c.alive());
        Thread.sleep(100);
        assertFalse(Files.exists(marker));
    }

    @Test
    void aProgramThatIsNotExecutableIsRefused(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("plain.txt"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetCommand.start(f + " arg"));
        assertEquals("-c command '" + f + " arg': " + f + ": Permission denied", e.getMessage());
    }
}
