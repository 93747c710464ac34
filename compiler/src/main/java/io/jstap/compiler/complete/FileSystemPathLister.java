package io.jstap.compiler.complete;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@link PathLister} over the real file system. The {@code $PATH} scan is cached briefly: Tab is pressed in bursts. */
final class FileSystemPathLister implements PathLister {

    private static final long COMMAND_CACHE_NANOS = 10_000_000_000L;
    private static final int MAX_ENTRIES = 10_000;

    private Set<String> commands;
    private long commandsAt;

    @Override
    public List<Entry> list(String directory) {
        Path dir = resolve(directory);
        List<Entry> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (out.size() >= MAX_ENTRIES) {
                    break;
                }
                out.add(new Entry(p.getFileName().toString(), Files.isDirectory(p)));
            }
        } catch (IOException | SecurityException | java.nio.file.InvalidPathException e) {
            return List.of();   // unreadable or not a directory: simply nothing to offer
        }
        return out;
    }

    @Override
    public synchronized Collection<String> commands() {
        long now = System.nanoTime();
        if (commands == null || now - commandsAt > COMMAND_CACHE_NANOS) {
            commands = scanPath(System.getenv("PATH"));
            commandsAt = now;
        }
        return commands;
    }

    private static Set<String> scanPath(String path) {
        Set<String> out = new TreeSet<>();
        if (path == null) {
            return out;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(Paths.get(dir))) {
                for (Path p : stream) {
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        out.add(p.getFileName().toString());
                    }
                }
            } catch (IOException | SecurityException | java.nio.file.InvalidPathException e) {
                // a missing $PATH entry is common and harmless
            }
        }
        return out;
    }

    private static Path resolve(String directory) {
        if (directory.isEmpty()) {
            return Paths.get(".");
        }
        if (directory.equals("~") || directory.startsWith("~/")) {
            return Paths.get(System.getProperty("user.home") + directory.substring(1));
        }
        return Paths.get(directory);
    }
}
