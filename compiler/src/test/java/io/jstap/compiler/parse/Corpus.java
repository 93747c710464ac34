package io.jstap.compiler.parse;

import io.jstap.compiler.diag.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds the test corpus and the example scripts, and reads them as sources. */
final class Corpus {
    private Corpus() {
    }

    static Path resources() {
        return Path.of("src", "test", "resources", "corpus").toAbsolutePath();
    }

    static Path dir(String name) {
        return resources().resolve(name);
    }

    /** scripts/examples of the repository, found from the module directory the tests run in. */
    static Path examples() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("scripts").resolve("examples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/examples not found above " + here);
    }

    static List<Path> scripts(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".stp")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Source source(Path p) {
        try {
            return new Source(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
