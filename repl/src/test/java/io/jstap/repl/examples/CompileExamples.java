package io.jstap.repl.examples;

import io.jstap.compiler.CompileOptions;
import io.jstap.compiler.ScriptCompiler;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.runtime.catalog.MachineProbeCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compile time of each example script: passes 1-3 to a Module (nothing loaded), N times after N warm-up
 * compiles of every script, so the JIT has seen the whole compiler. Arguments: DIR [N].
 */
public final class CompileExamples {
    private CompileExamples() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "scripts/examples");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Path> scripts;
        try (Stream<Path> s = Files.list(dir)) {
            scripts = s.filter(p -> p.toString().endsWith(".stp")).sorted().toList();
        }
        MachineProbeCatalog catalog = new MachineProbeCatalog();
        for (int i = 0; i < n; i++) {
            for (Path p : scripts) {
                compile(p, catalog);
            }
        }
        System.out.printf("%-18s %6s %9s %9s %9s%n", "example", "insns", "median ms", "min", "max");
        for (Path p : scripts) {
            ScriptCompiler.Result first = compile(p, catalog);
            String name = p.getFileName().toString();
            if (!first.ok()) {
                String why = first.diagnostics().render().lines().findFirst().orElse("failed");
                System.out.printf("%-18s n/a: %s%n", name, why);
                continue;
            }
            int insns = first.module().kernelProbes().stream().map(KernelProbe::code)
                    .mapToInt(c -> c.insnCount()).sum();
            double[] ms = new double[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                compile(p, catalog);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(ms);
            double median = n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
            System.out.printf("%-18s %6d %9.2f %9.2f %9.2f%n", name, insns, median, ms[0], ms[n - 1]);
        }
    }

    private static ScriptCompiler.Result compile(Path script, MachineProbeCatalog catalog) throws IOException {
        Source src = new Source(script.toString(), Files.readString(script));
        return ScriptCompiler.compile(List.of(src), CompileOptions.defaults(), catalog, ScriptCompiler.TRANSLATE);
    }
}
