package io.jstap.repl.examples;

import java.io.IOException;
import java.nio.file.Path;
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
}
