package io.jstap.repl.robust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hostile-input corpus (compiler/src/test/resources/corpus/hostile): scripts a user should never be
 * able to crash jstap with. Each starts with five header lines, read as bytes (the rest may be binary):
 * <pre>
 * # what the case is
 * # expect: text the first diagnostic line must contain
 * # at: LINE:COL   (or "none" when the input has no position to point at)
 * # options: command-line options before the script file
 * # script-args: arguments after it
 * </pre>
 */
record HostileCorpus(Path file, String description, String expect, String at, List<String> options,
                     List<String> scriptArgs) {

    static Path dir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("compiler/src/test/resources/corpus/hostile");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("corpus/hostile not found above " + here);
    }

    static List<HostileCorpus> all() {
        try (Stream<Path> s = Files.list(dir())) {
            List<HostileCorpus> out = new ArrayList<>();
            for (Path p : s.filter(f -> f.toString().endsWith(".stp")).sorted().toList()) {
                out.add(read(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostileCorpus read(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        String[] h = new String[5];
        int pos = 0;
        for (int i = 0; i < h.length; i++) {
            int nl = pos;
            while (nl < bytes.length && bytes[nl] != '\n') {
                nl++;
            }
            h[i] = new String(bytes, pos, nl - pos, StandardCharsets.UTF_8);
            pos = nl + 1;
        }
        return new HostileCorpus(p, strip(h[0], "#"), strip(h[1], "# expect:"), strip(h[2], "# at:"),
                words(strip(h[3], "# options:")), words(strip(h[4], "# script-args:")));
    }

    private static String strip(String line, String prefix) {
        if (!line.startsWith(prefix)) {
            throw new IllegalStateException("header line '" + line + "' should start with '" + prefix + "'");
        }
        return line.substring(prefix.length()).strip();
    }

    private static List<String> words(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\s+"));
    }

    /** The command line: options, the script's path, its arguments. */
    List<String> args() {
        List<String> a = new ArrayList<>(options);
        a.add(file.toString());
        a.addAll(scriptArgs);
        return a;
    }

    String name() {
        return file.getFileName().toString();
    }
}
