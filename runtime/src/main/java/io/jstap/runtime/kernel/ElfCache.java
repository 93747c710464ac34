package io.jstap.runtime.kernel;

import io.jstap.linux.ElfFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Parsed ELF files keyed by path and modification time, so a rebuilt binary is read again. */
public final class ElfCache {

    private record Key(Path path, long mtime, long size) {
    }

    private static final ElfCache SHARED = new ElfCache();

    private final Map<Path, Map.Entry<Key, ElfFile>> cache = new ConcurrentHashMap<>();

    public static ElfCache shared() {
        return SHARED;
    }

    /** The parsed file; {@link IOException} when it is missing or not ELF64. */
    public ElfFile get(Path path) throws IOException {
        Path real = path.toRealPath();
        Key key = new Key(real, Files.getLastModifiedTime(real).toMillis(), Files.size(real));
        Map.Entry<Key, ElfFile> hit = cache.get(real);
        if (hit != null && hit.getKey().equals(key)) {
            return hit.getValue();
        }
        ElfFile elf = ElfFile.read(real);
        cache.put(real, Map.entry(key, elf));
        return elf;
    }

    /** The file offset a uprobe on {@code target} needs. */
    public long uprobeOffset(UprobeTarget target) {
        if (target.symbol() == null) {
            return target.offset();
        }
        ElfFile elf;
        try {
            elf = get(target.binary());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot probe " + target.describe() + ": " + e.getMessage(), e);
        }
        var sym = elf.function(target.symbol()).orElseThrow(() -> new IllegalArgumentException(
                "cannot probe " + target.describe() + ": " + target.binary() + " has no function '"
                        + target.symbol() + "'"));
        long vaddr = sym.value() + target.offset();
        return elf.fileOffset(vaddr).orElseThrow(() -> new IllegalArgumentException("cannot probe "
                + target.describe() + ": address 0x" + Long.toHexString(vaddr) + " is in no loadable segment"));
    }
}
