package io.jstap.runtime.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Opens the {@code -o FILE} of a run. jstap runs as root, so the file is opened with care: a new file is
 * created readable by its owner only (0600: traces show other users' processes); a regular file is
 * truncated as stap does; but a symbolic link is followed only to something that is not a file it would
 * clobber or create elsewhere (a device such as /dev/null, a pipe, or our own stdout/stderr): a link left
 * in a shared directory must not make root overwrite or create the file it points to. The last path
 * component is then opened with O_NOFOLLOW, so a link swapped in after the check fails instead of being
 * followed.
 */
final class OutputFile {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private OutputFile() {
    }

    static OutputStream open(Path file) {
        Path target = file;
        if (Files.isSymbolicLink(file)) {
            target = checkedLinkTarget(file);
        }
        boolean viaLink = target != file;
        Set<OpenOption> opts = viaLink
                ? Set.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)
                : Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        LinkOption.NOFOLLOW_LINKS);
        try {
            return Channels.newOutputStream(Files.newByteChannel(viaLink ? target : file, opts, OWNER_ONLY));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            if (!viaLink && Files.isSymbolicLink(file)) {
                throw new OutputException(refusal(file, "it became a symbolic link while being opened"), e);
            }
            throw new OutputException("cannot open output file " + file + ": " + reason(e), e);
        }
    }

    /** Where the link leads, if writing there cannot clobber or create a file; else an OutputException. */
    private static Path checkedLinkTarget(Path link) {
        Path real;
        try {
            real = link.toRealPath();
        } catch (NoSuchFileException e) {
            throw new OutputException(refusal(link, "it is a symbolic link to a file that does not exist"), e);
        } catch (IOException | SecurityException e) {
            throw new OutputException("cannot open output file " + link + ": " + reason(e), e);
        }
        if (Files.isRegularFile(real) && !isOwnStream(real)) {
            throw new OutputException(refusal(link, "it is a symbolic link to " + real), null);
        }
        if (Files.isDirectory(real)) {
            throw new OutputException("cannot open output file " + link + ": Is a directory", null);
        }
        return real;
    }

    /** {@code -o /dev/stdout} with stdout redirected to a file: that file is ours to write already. */
    private static boolean isOwnStream(Path real) {
        for (String fd : new String[] {"1", "2"}) {
            try {
                if (Files.isSameFile(real, Path.of("/proc/self/fd", fd))) {
                    return true;
                }
            } catch (IOException | SecurityException e) {
                // no such stream or no /proc: not ours
            }
        }
        return false;
    }

    private static String refusal(Path file, String why) {
        return "refusing to overwrite output file " + file + ": " + why;
    }

    /** The errno-like reason: NIO's exceptions for these cases carry only the path as message. */
    static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
