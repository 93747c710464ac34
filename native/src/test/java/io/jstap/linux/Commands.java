package io.jstap.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a reference tool (cc, readelf, bpftool) for a test; it must succeed. */
final class Commands {

    private Commands() {
    }

    /** The command's output (stdout and stderr); fails the test with the start of it when it exits non-zero. */
    static String run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out.substring(0, Math.min(2000, out.length())));
        return out;
    }

    static String run(List<String> cmd) throws Exception {
        return run(cmd.toArray(new String[0]));
    }
}
