package io.jstap.runtime.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jstap.runtime.output.Output;
import io.jstap.runtime.output.OutputException;
import io.jstap.runtime.output.OutputFormat;
import io.jstap.runtime.output.Outputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code -o FILE} as root: new files are private (0600), a regular file is truncated as stap does, and a
 * symbolic link is not followed into a file it would clobber or create. Text and JSON alike.
 */
class OutputFileSafetyTest {

    @TempDir
    Path dir;

    private static void write(OutputFormat f, Path file, String text) {
        try (Output o = Outputs.open(f, file)) {
            o.print(text);
        }
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void aNewFileIsCreatedReadableByItsOwnerOnly(OutputFormat f) throws Exception {
        Path out = dir.resolve("new.out");
        write(f, out, "hello\n");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertFalse(Files.readString(out).isEmpty());
    }

    @Test
    void anExistingRegularFileIsTruncatedAndKeepsItsMode() throws Exception {
        Path out = dir.resolve("old.out");
        Files.writeString(out, "a much longer previous content\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        write(OutputFormat.TEXT, out, "new\n");
        assertEquals("new\n", Files.readString(out));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void aSymlinkToAnExistingFileIsRefusedAndTheFileIsUntouched(OutputFormat f) throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious\n");
        Path link = Files.createSymbolicLink(dir.resolve("out"), victim);
        OutputException e = assertThrows(OutputException.class, () -> Outputs.open(f, link));
        assertEquals("refusing to overwrite output file " + link + ": it is a symbolic link to " + victim.toRealPath(),
                e.getMessage());
        assertEquals("precious\n", Files.readString(victim));
    }

    @Test
    void aDanglingSymlinkIsRefusedAndNothingIsCreated() throws Exception {
        Path target = dir.resolve("elsewhere");
        Path link = Files.createSymbolicLink(dir.resolve("out"), target);
        OutputException e = assertThrows(OutputException.class, () -> Outputs.open(OutputFormat.TEXT, link));
        assertEquals("refusing to overwrite output file " + link
                + ": it is a symbolic link to a file that does not exist", e.getMessage());
        assertFalse(Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aSymlinkToAChainEndingInAFileIsRefused() throws Exception {
        Path victim = dir.resolve("victim");
        Files.writeString(victim, "precious\n");
        Path hop = Files.createSymbolicLink(dir.resolve("hop"), victim);
        Path link = Files.createSymbolicLink(dir.resolve("out"), hop);
        assertThrows(OutputException.class, () -> Outputs.open(OutputFormat.TEXT, link));
        assertEquals("precious\n", Files.readString(victim));
    }

    @Test
    void aSymlinkToADeviceIsFollowed() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"));
        write(OutputFormat.TEXT, link, "discarded\n"); // no refusal: a device cannot be clobbered
        assertFalse(Files.isRegularFile(Path.of("/dev/null")));
    }

    @Test
    void aDirectoryInThePathMayBeALink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), real);
        write(OutputFormat.TEXT, linked.resolve("out"), "x\n");
        assertEquals("x\n", Files.readString(real.resolve("out")));
    }

    @Test
    void aDirectoryOrALinkToOneIsNotAnOutputFile() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), sub);
        assertEquals("cannot open output file " + sub + ": Is a directory",
                assertThrows(OutputException.class, () -> Outputs.open(OutputFormat.TEXT, sub)).getMessage());
        assertEquals("cannot open output file " + link + ": Is a directory",
                assertThrows(OutputException.class, () -> Outputs.open(OutputFormat.TEXT, link)).getMessage());
    }
}
