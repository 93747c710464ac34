package io.jstap.repl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.repl.examples.Workload.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of the example tests: the workload, built once per class into a private directory. */
abstract class WorkloadTest {
    @TempDir
    static Path dir;
    static Workload work;

    @BeforeAll
    static void build() throws IOException, InterruptedException {
        work = Workload.build(dir);
    }

    /**
     * Runs the example script with {@code command} as its -c workload and the script's own arguments; the
     * run must end with status 0.
     */
    static Run runExample(String script, String command, String... scriptArgs) {
        List<String> args = new ArrayList<>(List.of("-c", command, Workload.example(script).toString()));
        args.addAll(List.of(scriptArgs));
        Run r = Workload.jstap(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        return r;
    }
}
