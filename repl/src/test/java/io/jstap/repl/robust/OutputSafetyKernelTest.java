package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jstap -o FILE} end to end: it writes only where asked, privately, and never through a planted link. */
@Tag("kernel")
class OutputSafetyKernelTest {

    static final String SCRIPT = "probe begin { printf(\"traced\\n\"); exit() }";
    static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void outputGoesToANewPrivateFileAndNowhereElse() throws Exception {
        Path out = dir.resolve("trace.out");
        InProcessCli.Outcome o = InProcessCli.run(LIMIT, "-o", out.toString(), "-e", SCRIPT);
        assertEquals(0, o.status(), o.all());
        assertEquals("", o.all());
        assertEquals("traced\n", Files.readString(out));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "files in the directory");
        }
    }

    @Test
    void aPlantedSymlinkIsRefusedBeforeAnythingRuns() throws Exception {
        Path victim = Files.writeString(dir.resolve("shadow"), "root:secret\n");
        Path link = Files.createSymbolicLink(dir.resolve("trace.out"), victim);
        InProcessCli.Outcome o = InProcessCli.run(LIMIT, "-o", link.toString(), "-e", SCRIPT);
        InProcessCli.assertNoStackTrace(o, "-o symlink");
        assertEquals(1, o.status());
        assertEquals("ERROR: refusing to overwrite output file " + link + ": it is a symbolic link to "
                + victim.toRealPath() + "\n", o.err());
        assertEquals("", o.out());
        assertEquals("root:secret\n", Files.readString(victim));
    }

    @Test
    void anExistingFileIsTruncatedAsStapDoes() throws Exception {
        Path out = Files.writeString(dir.resolve("trace.out"), "an older, longer trace\n");
        InProcessCli.Outcome o = InProcessCli.run(LIMIT, "-o", out.toString(), "-e", SCRIPT);
        assertEquals(0, o.status(), o.all());
        assertEquals("traced\n", Files.readString(out));
    }
}
