package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.probe.ProbeCatalog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Resolves the points of a probe: matches them in the {@link ProbePointTree}, builds built-in targets and
 * expands aliases (recursively, with cycle detection), honouring {@code ?} (no match is fine) and {@code !}
 * (stop at the first point that resolves).
 */
final class ProbeResolver {

    /** An alias whose body joins the merged body, referenced at {@code use}. */
    record Layer(Decl.ProbeAlias alias, Span use) {
    }

    /**
     * One way a point resolves: the targets, alias bodies before and after the user's body (in execution
     * order) and the chain of names, concrete point first.
     */
    record Expansion(List<ProbeTarget> targets, List<Layer> prologues, List<Layer> epilogues, List<String> chain) {
        Expansion wrap(Decl.ProbeAlias alias, Span use, String name) {
            List<Layer> pro = new ArrayList<>(prologues);
            List<Layer> epi = new ArrayList<>();
            if (alias.epilogue()) {
                epi.add(new Layer(alias, use));
            } else {
                pro.add(new Layer(alias, use));
            }
            epi.addAll(epilogues);
            List<String> ch = new ArrayList<>(chain);
            ch.add(name);
            return new Expansion(targets, pro, epi, ch);
        }
    }

    /** The expansions of one point of a user's probe. */
    record PointExpansions(ProbePoint point, List<Expansion> expansions) {
    }

    private final ProbeNamespace tree;
    private final ProbeCatalog catalog;
    private final ElabOptions options;
    private final Reporter reporter;

    ProbeResolver(ProbeNamespace tree, ProbeCatalog catalog, ElabOptions options, Reporter reporter) {
        this.tree = tree;
        this.catalog = catalog;
        this.options = options;
        this.reporter = reporter;
    }

    List<PointExpansions> resolve(Decl.Probe probe) {
        List<PointExpansions> out = new ArrayList<>();
        for (ProbePoint point : probe.points()) {
            List<Diagnostic> sink = new ArrayList<>();
            List<Expansion> exps = expand(point, null, new ArrayDeque<>(), sink);
            boolean optional = point.optional() || point.sufficient();
            if (!optional) {
                sink.forEach(reporter::add);
                if (exps.isEmpty() && sink.isEmpty()) {
                    reporter.error("probe-point-mismatch", "probe point mismatch: '" + point
                            + "' resolves to no probe point (every alternative is optional)", point.span());
                }
            }
            if (!exps.isEmpty()) {
                out.add(new PointExpansions(point, exps));
                if (point.sufficient()) {
                    break;
                }
            }
        }
        return out;
    }

    private List<Expansion> expand(ProbePoint point, Span use, Deque<Decl.ProbeAlias> stack, List<Diagnostic> sink) {
        Span at = Reporter.expandedAt(point.span(), use);
        ProbePointTree.Result r = tree.match(point);
        if (r.matches().isEmpty()) {
            sink.add(Diagnostic.semanticError("probe-point-mismatch", r.error(), at,
                    r.notes().toArray(new String[0])));
            return List.of();
        }
        List<Expansion> out = new ArrayList<>();
        Set<Decl.ProbeAlias> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ProbePointTree.Match m : r.matches()) {
            if (m.node().family != null) {
                List<ProbeTarget> targets = m.node().family.build(m.names(), m.args(), context(at, sink));
                if (!targets.isEmpty()) {
                    out.add(new Expansion(targets, List.of(), List.of(), List.of(m.text())));
                }
            }
            for (Decl.ProbeAlias alias : m.aliases()) {
                if (!seen.add(alias)) {
                    continue;
                }
                if (stack.contains(alias)) {
                    sink.add(Diagnostic.semanticError("alias-cycle", "probe alias '" + m.text()
                            + "' refers to itself", at));
                    continue;
                }
                stack.push(alias);
                for (ProbePoint target : alias.targets()) {
                    List<Diagnostic> sub = new ArrayList<>();
                    List<Expansion> subs = expand(target, at, stack, sub);
                    if (!(target.optional() || target.sufficient())) {
                        sink.addAll(sub);
                    }
                    for (Expansion e : subs) {
                        out.add(e.wrap(alias, at, m.text()));
                    }
                    if (target.sufficient() && !subs.isEmpty()) {
                        break;
                    }
                }
                stack.pop();
            }
        }
        return out;
    }

    private ProbePointTree.FamilyContext context(Span at, List<Diagnostic> sink) {
        return new ProbePointTree.FamilyContext() {
            @Override public ProbeCatalog catalog() { return catalog; }
            @Override public ElabOptions options() { return options; }
            @Override public Span span() { return at; }
            @Override public void error(String message, String... notes) {
                String code = message.startsWith("probe point mismatch") ? "probe-point-mismatch" : "probe-point";
                sink.add(Diagnostic.semanticError(code, message, at, Reporter.clean(notes)));
            }
        };
    }
}
