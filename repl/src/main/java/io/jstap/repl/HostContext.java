package io.jstap.repl;

import io.jstap.compiler.parse.PreprocessorContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** What {@code %( %?} conditions test, taken from the machine jstap runs on. */
final class HostContext {
    /** The stap language version jstap follows ({@code systemtap_v}). */
    static final String SYSTEMTAP_VERSION = "5.0";

    private HostContext() {
    }

    static PreprocessorContext of(List<String> scriptArgs) {
        String release = System.getProperty("os.version", "");
        return new PreprocessorContext(release, arch(System.getProperty("os.arch", "")), "bpf", SYSTEMTAP_VERSION,
                kernelConfig(release), scriptArgs);
    }

    /** stap's names for the architecture (uname -m), not Java's. */
    static String arch(String javaArch) {
        switch (javaArch) {
            case "amd64": return "x86_64";
            case "x86": case "i386": return "i386";
            case "arm64": return "aarch64";
            default: return javaArch;
        }
    }

    /** The running kernel's configuration, from /boot or /proc/config.gz; empty when neither is readable. */
    private static Set<String> kernelConfig(String release) {
        Set<String> out = new HashSet<>();
        try {
            Path boot = Path.of("/boot", "config-" + release);
            if (Files.isReadable(boot)) {
                read(Files.newInputStream(boot), out);
            } else if (Files.isReadable(Path.of("/proc/config.gz"))) {
                read(new GZIPInputStream(Files.newInputStream(Path.of("/proc/config.gz"))), out);
            }
        } catch (IOException e) {
            // Conditions on CONFIG_ options then see them unset, as stap does without a configuration.
            out.clear();
        }
        return out;
    }

    private static void read(InputStream in, Set<String> out) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("CONFIG_") && line.indexOf('=') > 0) {
                    int eq = line.indexOf('=');
                    String value = line.substring(eq + 1);
                    if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    out.add(line.substring(0, eq) + "=" + value);
                }
            }
        }
    }
}
