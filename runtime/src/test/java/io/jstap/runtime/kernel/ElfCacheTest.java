package io.jstap.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.linux.ElfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfCacheTest {

    @TempDir
    Path dir;

    @Test
    void rereadsAFileWhoseModificationTimeChanged() throws Exception {
        Path one = UprobeKernelTest.compile(dir, "one", "int first_fn(void) { return 1; }\nint main(void) { return first_fn(); }\n");
        Path two = UprobeKernelTest.compile(dir, "two", "int second_fn(void) { return 2; }\nint main(void) { return second_fn(); }\n");
        Path target = dir.resolve("prog");
        Files.copy(one, target);
        ElfCache cache = new ElfCache();
        ElfFile a = cache.get(target);
        assertSame(a, cache.get(target));
        assertTrue(a.function("first_fn").isPresent());
        Files.copy(two, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(target, FileTime.fromMillis(Files.getLastModifiedTime(target).toMillis() + 5000));
        ElfFile b = cache.get(target);
        assertNotSame(a, b);
        assertTrue(b.function("second_fn").isPresent());
        long off = cache.uprobeOffset(UprobeTarget.function(target, "second_fn"));
        assertEquals(b.fileOffset(b.function("second_fn").orElseThrow().value()).getAsLong(), off);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cache.uprobeOffset(UprobeTarget.function(dir.resolve("missing"), "f")));
        assertTrue(e.getMessage().startsWith("cannot probe uprobe " + dir.resolve("missing") + ":f: "), e.getMessage());
    }
}
