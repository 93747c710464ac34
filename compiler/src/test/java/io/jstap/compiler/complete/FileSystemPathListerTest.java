package io.jstap.compiler.complete;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemPathListerTest {

    @TempDir
    Path dir;

    @Test
    void listsFilesAndDirectories() throws IOException {
        Files.createDirectory(dir.resolve("sub"));
        Files.writeString(dir.resolve("a.stp"), "probe begin { }");
        List<PathLister.Entry> entries = PathLister.fileSystem().list(dir + "/");
        List<PathLister.Entry> sorted = entries.stream().sorted(Comparator.comparing(PathLister.Entry::name)).toList();
        assertEquals(List.of(new PathLister.Entry("a.stp", false), new PathLister.Entry("sub", true)), sorted);
    }

    @Test
    void unreadableOrMissingDirectoryIsEmpty() throws IOException {
        Files.writeString(dir.resolve("file"), "x");
        assertEquals(List.of(), PathLister.fileSystem().list(dir + "/missing/"));
        assertEquals(List.of(), PathLister.fileSystem().list(dir + "/file/"));
    }

    @Test
    void completesThroughTheAnalyzer() throws IOException {
        Files.createDirectory(dir.resolve("scripts"));
        Files.writeString(dir.resolve("scripts/iotop.stp"), "");
        CompletionAnalyzer analyzer = new CompletionAnalyzer(new Fixture.Sources(Fixture.catalog(Fixture.NO_KPROBES)));
        String buffer = ":load " + dir + "/scr";
        assertEquals(List.of(dir + "/scripts/"), analyzer.complete(buffer, buffer.length()).values());
        String inner = ":load " + dir + "/scripts/io";
        assertEquals(List.of(dir + "/scripts/iotop.stp"), analyzer.complete(inner, inner.length()).values());
    }
}
