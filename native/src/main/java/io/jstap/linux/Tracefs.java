package io.jstap.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds tracefs, mounting it at /sys/kernel/tracing when it is not there yet. */
public final class Tracefs {

    public static final Path PRIMARY = Path.of("/sys/kernel/tracing");
    public static final Path DEBUGFS = Path.of("/sys/kernel/debug/tracing");

    private Tracefs() {
    }

    /** The mounted tracefs, if any: a directory that has an {@code events} subdirectory. */
    public static Optional<Path> locate() {
        for (Path p : new Path[] {PRIMARY, DEBUGFS}) {
            if (Files.isDirectory(p.resolve("events"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The mounted tracefs, mounting it at /sys/kernel/tracing first when needed. Throws a
     * {@link NativeException} saying what to do when that is not possible.
     */
    public static Path locateOrMount(Sys sys) {
        Optional<Path> found = locate();
        if (found.isPresent()) {
            return found.get();
        }
        long r = Files.isDirectory(PRIMARY) ? sys.mount("tracefs", PRIMARY.toString(), "tracefs") : -Errno.ENOENT;
        if (r == 0 && Files.isDirectory(PRIMARY.resolve("events"))) {
            return PRIMARY;
        }
        int errno = r < 0 ? (int) -r : Errno.ENODEV;
        throw new NativeException("mount(tracefs)", errno, "tracefs is not mounted and mounting it at "
                + PRIMARY + " failed (" + Errno.text(errno) + "); run: mount -t tracefs tracefs " + PRIMARY);
    }

    /** The numeric id of {@code category:event}, read fresh (ids differ between boots). */
    public static long eventId(Path tracefs, String category, String event) {
        Path id = tracefs.resolve("events").resolve(category).resolve(event).resolve("id");
        try {
            return Long.parseLong(Files.readString(id).strip());
        } catch (IOException | NumberFormatException e) {
            throw new NativeException("read " + id, Errno.ENOENT, "no tracepoint " + category + ":" + event
                    + " on this kernel (" + id + " is missing)");
        }
    }
}
