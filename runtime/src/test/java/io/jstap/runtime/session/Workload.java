package io.jstap.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.CompileOptions;
import io.jstap.compiler.ScriptCompiler;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.module.Module;
import io.jstap.runtime.catalog.MachineProbeCatalog;
import io.jstap.runtime.output.RecordingOutput;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The controlled workload of the process-probe tests: {@code usdt_loop.c} built with the system C compiler
 * (USDT marks "tick" and semaphore-gated "gated", function {@code jt_work}, N iterations), and scripts
 * compiled against this machine and run as the command line runs them.
 */
final class Workload {
    static final MachineProbeCatalog CATALOG = new MachineProbeCatalog();

    private Workload() {
    }

    /** Builds the loop program into {@code dir}; {@code flags} such as -no-pie. */
    static Path build(Path dir, String name, String... flags) throws Exception {
        Path src = dir.resolve("usdt_loop.c");
        try (InputStream in = Workload.class.getResourceAsStream("usdt_loop.c")) {
            Files.write(src, in.readAllBytes());
        }
        Path out = dir.resolve(name);
        List<String> cmd = new java.util.ArrayList<>(List.of("cc", "-O1", "-o", out.toString()));
        cmd.addAll(List.of(flags));
        cmd.add(src.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        return out;
    }

    static ScriptCompiler.Result compile(String script, long target) {
        CompileOptions o = CompileOptions.defaults().withTargetPid(target);
        return ScriptCompiler.compile(List.of(new Source("<input>", script)), o, CATALOG, ScriptCompiler.TRANSLATE);
    }

    static Module module(String script) {
        ScriptCompiler.Result r = compile(script, 0);
        assertTrue(r.ok(), () -> r.diagnostics().render());
        return r.module();
    }

    /** Runs {@code script} with {@code -c command} (or none) and returns its output; status must be 0. */
    static String run(String script, String command) {
        return run(script, command, 0);
    }

    /** As {@link #run(String, String)}, with {@code -x targetPid} when it is not 0. */
    static String run(String script, String command, int targetPid) {
        RecordingOutput out = new RecordingOutput();
        RunOptions o = RunOptions.defaults().withTimeout(60.0);
        if (command != null) {
            o = o.withCommand(command);
        }
        if (targetPid != 0) {
            o = o.withTargetPid(targetPid);
        }
        int status = ScriptRun.run(module(script), o, out);
        assertEquals(0, status, out.text());
        return out.text();
    }
}
