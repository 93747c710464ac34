package io.jstap.runtime.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryResolverTest {

    @TempDir
    Path dir;

    private static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};

    @Test
    void pathThenLibraryDirectories() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path bin2 = Files.createDirectories(dir.resolve("bin2"));
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path tool = Files.write(bin2.resolve("tool"), ELF);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.write(bin.resolve("tool"), ELF); // not executable: skipped
        Files.write(lib.resolve("libfoo.so"), ELF);
        Files.writeString(lib.resolve("libbar.so"), "/* GNU ld script */ GROUP ( libbar.so.6 )");
        Files.write(lib.resolve("libbar.so.6"), ELF);
        BinaryResolver r = new BinaryResolver(List.of(bin, bin2), List.of(lib), false);
        assertEquals(Optional.of(tool.toString()), r.resolve("tool"));
        assertEquals(Optional.of(lib.resolve("libfoo.so").toString()), r.resolve("foo"));
        assertEquals(Optional.of(lib.resolve("libfoo.so").toString()), r.resolve("libfoo.so"));
        assertEquals(Optional.of(lib.resolve("libbar.so.6").toString()), r.resolve("bar"), "linker scripts skipped");
        assertEquals(Optional.of(tool.toString()), r.resolve(tool.toString()));
        assertEquals(Optional.empty(), r.resolve(dir.resolve("nope").toString()));
        assertEquals(Optional.empty(), r.resolve("nope"));
        assertEquals(Optional.empty(), r.resolve(""));
    }

    @Test
    void versionedSonamesWithoutTheDevelopmentLink() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.write(lib.resolve("libqux.so.2.0.1"), ELF);
        Files.write(lib.resolve("libqux.so.2"), ELF);
        Files.writeString(lib.resolve("libquux.so.1"), "not ELF");
        BinaryResolver r = new BinaryResolver(List.of(), List.of(lib), false);
        assertEquals(Optional.of(lib.resolve("libqux.so.2").toString()), r.resolve("qux"));
        assertEquals(Optional.of(lib.resolve("libqux.so.2").toString()), r.resolve("libqux.so"));
        assertEquals(Optional.of(lib.resolve("libqux.so.2.0.1").toString()), r.resolve("libqux.so.2.0.1"));
        assertEquals(Optional.empty(), r.resolve("quux"));
        assertEquals(Optional.empty(), r.resolve("libqux.so.3"));
    }

    @Test
    void ldconfigCacheLines() {
        String text = "1234 libs found in cache `/etc/ld.so.cache'\n"
                + "\tlibz.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libz.so.1\n"
                + "\tlibc.so.6 (libc6) => /lib32/libc.so.6\n"
                + "\tlibc.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libc.so.6\n";
        assertEquals(Map.of("libz.so.1", "/lib/x86_64-linux-gnu/libz.so.1", "libc.so.6",
                "/lib/x86_64-linux-gnu/libc.so.6"), BinaryResolver.parseLdconfig(text));
    }
}
