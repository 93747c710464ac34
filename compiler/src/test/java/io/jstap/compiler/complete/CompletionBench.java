package io.jstap.compiler.complete;

import io.jstap.compiler.probe.FixedProbeCatalog;
import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.probe.TracepointFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;

/**
 * Warm completion timings against a catalog of 700 tracepoints (350 syscalls, entry and exit) and 700
 * tapset aliases. Run by hand: {@code java -cp target/classes:target/test-classes
 * io.jstap.compiler.complete.CompletionBench}.
 */
public final class CompletionBench {

    private CompletionBench() {
    }

    public static void main(String[] args) {
        FixedProbeCatalog catalog = new FixedProbeCatalog(EnumSet.allOf(KernelFeature.class), "bench");
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < 350; i++) {
            String name = "call" + i;
            catalog.addTracepoint(Fixture.sysEnter(name, new TracepointFormat.Field("int", "fd", 16, 8, false)));
            catalog.addTracepoint(Fixture.tp("syscalls", "sys_exit_" + name,
                new TracepointFormat.Field("long", "ret", 16, 8, true)));
            aliases.add("syscall." + name);
            aliases.add("syscall." + name + ".return");
        }
        CompletionSources sources = new CompletionSources() {
            @Override public ProbeCatalog catalog() { return catalog; }
            @Override public Collection<String> aliasNames() { return aliases; }
        };
        CompletionAnalyzer analyzer = new CompletionAnalyzer(sources, Fixture.defaultPaths());
        run(analyzer, "probe syscall.");
        run(analyzer, "probe syscall.call1");
        run(analyzer, "probe kernel.trace(\"syscalls:sys_enter_");
        run(analyzer, "probe syscall.call7 { x = 1; if (x) { printf(\"%d\", $");
        String script = "global a, b, c\n" + "probe syscall.call3 { a[$fd] <<< 1 }\n".repeat(50) + "probe end { pri";
        run(analyzer, script);
    }

    private static void run(CompletionAnalyzer analyzer, String buffer) {
        int candidates = 0;
        for (int i = 0; i < 20_000; i++) {
            candidates = analyzer.complete(buffer, buffer.length()).candidates().size();
        }
        long[] samples = new long[2_000];
        for (int i = 0; i < samples.length; i++) {
            long t0 = System.nanoTime();
            analyzer.complete(buffer, buffer.length());
            samples[i] = System.nanoTime() - t0;
        }
        Arrays.sort(samples);
        String shown = buffer.length() > 40 ? "..." + buffer.substring(buffer.length() - 37) : buffer;
        System.out.printf("%-42s %4d candidates  median %6.1f us  p99 %6.1f us%n", shown.replace("\n", " "),
            candidates, samples[samples.length / 2] / 1e3, samples[samples.length * 99 / 100] / 1e3);
    }
}
