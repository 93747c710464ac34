package io.jstap.runtime.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@code process("...")} arguments as stap does: a path with a slash as it is, a bare name
 * through $PATH and then the loader's library directories (with {@code libNAME.so} forms and the
 * ldconfig cache).
 */
public final class BinaryResolver {

    static final List<String> LIBRARY_DIRS = List.of("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64",
            "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib");

    private final List<Path> pathDirs;
    private final List<Path> libraryDirs;
    private final boolean useLdconfig;
    private Map<String, String> ldCache;

    public BinaryResolver(List<Path> pathDirs, List<Path> libraryDirs, boolean useLdconfig) {
        this.pathDirs = List.copyOf(pathDirs);
        this.libraryDirs = List.copyOf(libraryDirs);
        this.useLdconfig = useLdconfig;
    }

    /** $PATH, the standard library directories, and the ldconfig cache. */
    public static BinaryResolver system() {
        List<Path> path = new ArrayList<>();
        String env = System.getenv("PATH");
        for (String d : (env == null ? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin" : env).split(":")) {
            if (!d.isEmpty()) {
                path.add(Path.of(d));
            }
        }
        return new BinaryResolver(path, LIBRARY_DIRS.stream().map(Path::of).toList(), true);
    }

    public Optional<String> resolve(String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.contains("/")) {
            Path p = Path.of(name).toAbsolutePath().normalize();
            return Files.isRegularFile(p) ? Optional.of(p.toString()) : Optional.empty();
        }
        for (Path d : pathDirs) {
            Path p = d.resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p.toAbsolutePath().normalize().toString());
            }
        }
        List<String> forms = List.of(name, "lib" + name + ".so", name + ".so", "lib" + name + ".so.6",
                name + ".so.6");
        for (Path d : libraryDirs) {
            for (String f : forms) {
                Path p = d.resolve(f);
                if (isElf(p)) { // libc.so itself is often a linker script
                    return Optional.of(p.toAbsolutePath().normalize().toString());
                }
            }
        }
        if (useLdconfig) {
            Map<String, String> cache = ldCache();
            for (String f : forms) {
                String hit = cache.get(f);
                if (hit != null) {
                    return Optional.of(hit);
                }
            }
        }
        return versioned(name);
    }

    /**
     * {@code z} or {@code libz.so} as the installed {@code libz.so.1}: the lowest version present in the
     * library directories or the ldconfig cache (development symlinks are often not installed).
     */
    private Optional<String> versioned(String name) {
        if (name.contains(".so.")) {
            return Optional.empty();
        }
        String stem = (name.startsWith("lib") ? name : "lib" + name).replaceFirst("\\.so$", "") + ".so.";
        java.util.TreeMap<String, String> found = new java.util.TreeMap<>();
        for (Path d : libraryDirs) {
            try (java.util.stream.Stream<Path> files = Files.list(d)) {
                files.filter(p -> p.getFileName().toString().startsWith(stem) && isElf(p))
                        .forEach(p -> found.putIfAbsent(p.getFileName().toString(), p.toAbsolutePath().normalize().toString()));
            } catch (IOException e) {
                // a missing library directory is not an error
            }
            if (!found.isEmpty()) {
                return Optional.of(found.firstEntry().getValue());
            }
        }
        if (useLdconfig) {
            ldCache().forEach((lib, path) -> {
                if (lib.startsWith(stem)) {
                    found.putIfAbsent(lib, path);
                }
            });
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.firstEntry().getValue());
    }

    static boolean isElf(Path p) {
        if (!Files.isRegularFile(p)) {
            return false;
        }
        try (java.io.InputStream in = Files.newInputStream(p)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    private synchronized Map<String, String> ldCache() {
        if (ldCache == null) {
            ldCache = readLdconfig();
        }
        return ldCache;
    }

    /** Parses {@code ldconfig -p} lines: {@code \tlibc.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libc.so.6}. */
    static Map<String, String> parseLdconfig(String text) {
        Map<String, String> out = new HashMap<>();
        for (String line : text.split("\n")) {
            int arrow = line.indexOf(" => ");
            int paren = line.indexOf(" (");
            if (arrow < 0 || paren < 0 || paren > arrow) {
                continue;
            }
            boolean x86 = line.contains("x86-64");
            String lib = line.substring(0, paren).strip();
            String path = line.substring(arrow + 4).strip();
            if (x86 || !out.containsKey(lib)) {
                out.put(lib, path);
            }
        }
        return out;
    }

    private static Map<String, String> readLdconfig() {
        for (String exe : new String[] {"/sbin/ldconfig", "/usr/sbin/ldconfig"}) {
            if (!Files.isExecutable(Path.of(exe))) {
                continue;
            }
            try {
                Process p = new ProcessBuilder(exe, "-p").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                p.waitFor();
                return parseLdconfig(out);
            } catch (IOException e) {
                return Map.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Map.of();
            }
        }
        return Map.of();
    }
}
