package io.jstap.compiler.parse;

import io.jstap.compiler.diag.Source;
import java.util.Arrays;

/**
 * Not a test: measures warm parse time of a generated 1,000-line script. Run after test-compile:
 * <pre>
 * java -cp compiler/target/classes:compiler/target/test-classes:ANTLR_RUNTIME_JAR io.jstap.compiler.parse.ParseBench [lines]
 * </pre>
 */
public final class ParseBench {
    private ParseBench() {
    }

    /** Twenty lines of typical stap: globals, probes on syscalls, a helper function, a report timer. */
    static String block(int i) {
        return String.join("\n",
                "global calls" + i + ", bytes" + i + "[1000], lat" + i,
                "probe syscall.read, syscall.write? {",
                "  calls" + i + "[pid(), execname()]++",
                "  if (count > 0 && execname() != \"jstap\") bytes" + i + "[execname()] += count",
                "}",
                "probe syscall.read.return {",
                "  t = tid(); if (t in calls" + i + ") { lat" + i + " <<< gettimeofday_us() - calls" + i
                        + "[t]; delete calls" + i + "[t] }",
                "}",
                "function fmt" + i + ":string (v:long, unit:string) {",
                "  if (v > 1024 * 1024) return sprintf(\"%d M%s\", v >> 20, unit)",
                "  else if (v > 1024) return sprintf(\"%d K%s\", v >> 10, unit)",
                "  return sprintf(\"%d %s\", v, unit)",
                "}",
                "probe timer.s(5) {",
                "  foreach ([p, name] in calls" + i + "- limit 10)",
                "    printf(\"%6d %-16s %s\\n\", p, name, fmt" + i + "(calls" + i + "[p, name], \"calls\"))",
                "  printf(\"avg %d max %d\\n\", @avg(lat" + i + "), @max(lat" + i + "))",
                "  print(@hist_log(lat" + i + "))",
                "  delete calls" + i,
                "}",
                "");
    }

    static String script(int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.chars().filter(c -> c == '\n').count() < lines; i++) {
            sb.append(block(i));
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Source src = new Source("bench.stp", script(lines));
        ParseResult first = Parser.parse(src, PreprocessorContext.defaults());
        if (first.diagnostics().hasErrors()) {
            throw new IllegalStateException(first.diagnostics().render());
        }
        for (int i = 0; i < 500; i++) {
            Parser.parse(src, PreprocessorContext.defaults());
        }
        int runs = 300;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Parser.parse(src, PreprocessorContext.defaults());
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("%d lines, %d chars, %d declarations: best %.2f ms, median %.2f ms, p90 %.2f ms%n",
                lines, src.text().length(), first.script().decls().size(), nanos[0] / 1e6, nanos[runs / 2] / 1e6,
                nanos[runs * 9 / 10] / 1e6);
    }
}
