package io.jstap.compiler.sema;

import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.probe.ProbeCatalog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@code stap -l}/{@code -L} print: the probe points a (wildcard) point expands to, as their alias
 * names or concrete points, sorted, each with the variables a body can read there: alias locals with their
 * types, then context variables.
 */
public final class ProbeListing {

    /** One listed point; {@code variables} as {@code name:type} and {@code $name:type}. */
    public record Entry(String name, List<String> variables) {
        public Entry {
            variables = List.copyOf(variables);
        }

        /** The line stap prints: the name, and with {@code -L} the variables after it. */
        public String render(boolean withVariables) {
            return withVariables && !variables.isEmpty() ? name + " " + String.join(" ", variables) : name;
        }
    }

    public record Result(List<Entry> entries, Diagnostics diagnostics) {
    }

    private ProbeListing() {
    }

    public static Result list(String point, ElabOptions options, ProbeCatalog catalog) {
        // Unoptimised, so every alias keeps its variables and its own entry.
        Pipeline.Result r = Pipeline.elaborate(List.of(new Source("<probe point>", "probe " + point + " { }")),
                options.withUnoptimized(true), catalog);
        if (r.program() == null) {
            return new Result(List.of(), r.diagnostics());
        }
        ContextVars cv = new ContextVars(catalog);
        Map<String, Set<String>> out = new TreeMap<>();
        for (ResolvedProbe p : r.program().probes()) {
            if (p.alias() != null) {
                Set<String> vars = out.computeIfAbsent(p.alias(), k -> new LinkedHashSet<>());
                for (LocalSymbol l : p.aliasLocals()) {
                    vars.add(l.name() + ":" + l.type());
                }
                for (ProbeTarget t : p.targets()) {
                    vars.addAll(cv.describe(t));
                }
            } else {
                for (ProbeTarget t : p.targets()) {
                    out.computeIfAbsent(t.pp(), k -> new LinkedHashSet<>()).addAll(cv.describe(t));
                }
            }
        }
        List<Entry> entries = new ArrayList<>();
        out.forEach((name, vars) -> entries.add(new Entry(name, new ArrayList<>(vars))));
        return new Result(entries, r.diagnostics());
    }
}
