package io.jstap.repl.cli;

import io.jstap.compiler.CompileOptions;
import io.jstap.compiler.ScriptCompiler;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.probe.TracepointFormat;
import io.jstap.compiler.sema.LocalSymbol;
import io.jstap.compiler.sema.ProbeTarget;
import io.jstap.compiler.sema.ResolvedProbe;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code -l PATTERN} and {@code -L PATTERN}: the probe points a pattern expands to, one per line and sorted, as
 * stap prints them (tapset aliases by their alias name); {@code -L} adds each point's variables: the alias's
 * script variables as {@code name:type}, then the context variables as {@code $name:ctype}.
 */
final class ProbeListing {
    private ProbeListing() {
    }

    static int list(String pattern, boolean withVars, CompileOptions options, ProbeCatalog catalog,
                    PrintWriter out, PrintWriter err) {
        Source src = new Source("<probe pattern>", "probe " + pattern + " {}");
        ScriptCompiler.Result r = ScriptCompiler.compile(List.of(src), options, catalog, ScriptCompiler.ELABORATE);
        if (!r.ok()) {
            err.print(r.diagnostics().render());
            return 1;
        }
        TreeMap<String, String> lines = new TreeMap<>();
        for (ResolvedProbe p : r.program().probes()) {
            String name = pointName(p);
            lines.put(name, withVars ? vars(p) : "");
        }
        for (var e : lines.entrySet()) {
            out.println(e.getValue().isEmpty() ? e.getKey() : e.getKey() + " " + e.getValue());
        }
        out.flush();
        return 0;
    }

    /**
     * The name stap lists: the alias level just below what the user wrote ({@code syscall.read} for
     * {@code syscall.*}), or the concrete point when no alias was involved.
     */
    private static String pointName(ResolvedProbe p) {
        List<String> chain = p.expansion();
        if (chain.size() >= 2) {
            return chain.get(chain.size() - 2);
        }
        return p.targets().size() == 1 ? p.targets().get(0).pp() : chain.get(0);
    }

    private static String vars(ResolvedProbe p) {
        StringBuilder sb = new StringBuilder();
        Set<String> seen = new java.util.HashSet<>();
        for (LocalSymbol l : p.aliasLocals()) {
            if (seen.add(l.name())) {
                sb.append(sb.length() == 0 ? "" : " ").append(l.name()).append(':').append(l.type());
            }
        }
        if (p.targets().size() == 1 && p.targets().get(0) instanceof ProbeTarget.Tracepoint tp
                && tp.format() != null) {
            for (TracepointFormat.Field f : tp.format().eventFields()) {
                if (f.name().equals("__syscall_nr")) {
                    continue;
                }
                sb.append(sb.length() == 0 ? "" : " ").append('$').append(f.name()).append(':')
                        .append(cType(f));
            }
        }
        return sb.toString();
    }

    /** {@code const char * filename} is listed as {@code const char*}, {@code char comm[16]} as {@code char[16]}. */
    private static String cType(TracepointFormat.Field f) {
        String t = f.cType().replace("__data_loc ", "");
        int br = t.indexOf('[');
        String suffix = br >= 0 ? t.substring(br) : "";
        String base = br >= 0 ? t.substring(0, br).trim() : t;
        if (base.endsWith(f.name())) {
            base = base.substring(0, base.length() - f.name().length()).trim();
        }
        return base.replace(" *", "*") + suffix;
    }
}
