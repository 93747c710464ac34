package io.jstap.compiler.sema;

import io.jstap.compiler.diag.Source;
import io.jstap.compiler.probe.ProbeCatalog;
import java.util.List;

/**
 * Measures parse + elaborate of a generated 1,000-line script after warm-up (not a test: timings depend on
 * the machine). Run with the test classpath: {@code java -cp ... io.jstap.compiler.sema.ElabBench}.
 */
public final class ElabBench {
    private ElabBench() {
    }

    /** About {@code lines} lines of varied stap: globals, functions, syscall and timer probes. */
    static String script(int lines) {
        StringBuilder sb = new StringBuilder("global counts, sizes, latency, start, names\n");
        String[] sys = {"read", "write", "openat", "close", "pread64", "newfstat", "getxattr", "execve"};
        int i = 0;
        while (sb.chars().filter(c -> c == '\n').count() < lines) {
            String s = sys[i % sys.length];
            sb.append("function helper").append(i).append("(a, b) {\n")
              .append("  if (a > b) return a - b\n")
              .append("  return b - a + strlen(sprintf(\"%d\", a))\n")
              .append("}\n")
              .append("probe syscall.").append(s).append(" {\n")
              .append("  counts[execname(), name]++\n")
              .append("  start[tid()] = gettimeofday_us()\n")
              .append("  names[pid()] = argstr\n")
              .append("  x").append(i).append(" = helper").append(i).append("(pid(), tid())\n")
              .append("  if (x").append(i).append(" > 100) printf(\"%s %d\\n\", name, x").append(i).append(")\n")
              .append("}\n")
              .append("probe syscall.").append(s).append(".return {\n")
              .append("  t = tid()\n")
              .append("  if (t in start) {\n")
              .append("    latency[name] <<< gettimeofday_us() - start[t]\n")
              .append("    delete start[t]\n")
              .append("  }\n")
              .append("  if (retval > 0) sizes[execname()] += retval\n")
              .append("}\n")
              .append("probe timer.ms(").append(100 + i).append(") {\n")
              .append("  foreach ([c, n] in counts- limit 5)\n")
              .append("    printf(\"%-16s %-10s %d %s\\n\", c, n, counts[c, n], thread_indent(0))\n")
              .append("  foreach (n in latency)\n")
              .append("    printf(\"%s %d %d\\n\", n, @count(latency[n]), @avg(latency[n]))\n")
              .append("}\n");
            i++;
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        ProbeCatalog catalog = TestCatalog.full();
        String text = script(1000);
        List<Source> sources = List.of(new Source("bench.stp", text));
        Pipeline.Result first = Pipeline.elaborate(sources, ElabOptions.defaults(), catalog);
        if (!first.ok()) {
            throw new IllegalStateException(first.diagnostics().render());
        }
        int lines = (int) text.chars().filter(c -> c == '\n').count();
        for (int w = 0; w < 300; w++) {
            Pipeline.elaborate(sources, ElabOptions.defaults(), catalog);
        }
        int runs = 200;
        long[] ns = new long[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            Pipeline.elaborate(sources, ElabOptions.defaults(), catalog);
            ns[r] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(ns);
        System.out.printf("%d lines, %d probes: parse+elaborate median %.2f ms, p90 %.2f ms, min %.2f ms%n", lines,
                first.program().probes().size(), ns[runs / 2] / 1e6, ns[runs * 9 / 10] / 1e6, ns[0] / 1e6);
        // The two passes apart.
        long p0 = System.nanoTime();
        for (int r = 0; r < 50; r++) {
            Pipeline.parse(sources, ElabOptions.defaults(), catalog);
        }
        double parse = (System.nanoTime() - p0) / 50 / 1e6;
        List<io.jstap.compiler.ast.Script> scripts = Pipeline.parse(sources, ElabOptions.defaults(), catalog).scripts();
        long e0 = System.nanoTime();
        for (int r = 0; r < 100; r++) {
            Elaborator.elaborate(scripts, ElabOptions.defaults(), catalog);
        }
        double elab = (System.nanoTime() - e0) / 100 / 1e6;
        System.out.printf("  of which parse %.2f ms, elaborate %.2f ms%n", parse, elab);
    }
}
