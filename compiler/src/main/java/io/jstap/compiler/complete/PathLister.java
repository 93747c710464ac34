package io.jstap.compiler.complete;

import java.util.Collection;
import java.util.List;

/** Lists directories and {@code $PATH} commands for path completion; tests inject a fake. */
public interface PathLister {

    /** One directory entry. */
    record Entry(String name, boolean directory) {
    }

    /**
     * The entries of a directory as the user typed it: {@code ""} is the working directory,
     * {@code "~/"} the home directory; empty when it cannot be read.
     */
    List<Entry> list(String directory);

    /** Names of the executables in the directories of {@code $PATH}. */
    Collection<String> commands();

    /** The real file system. */
    static PathLister fileSystem() {
        return new FileSystemPathLister();
    }
}
