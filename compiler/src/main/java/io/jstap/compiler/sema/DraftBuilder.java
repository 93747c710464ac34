package io.jstap.compiler.sema;

import io.jstap.compiler.ast.AstScanner;
import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the expansions of one probe point into probe drafts: alias bodies merged around a copy of the
 * user's body, specialised for the target(s), one draft per target where the body depends on which fired.
 * Unless unoptimised, dead alias assignments are dropped and expansions whose bodies then agree share one
 * draft, so {@code probe syscall.* { n++ }} is one program on every syscall tracepoint.
 */
final class DraftBuilder {
    private final ElabOptions options;
    private final Reporter rep;
    private final ContextVars cv;
    private final TargetDependence dependence;
    private final AliasElision elision;

    DraftBuilder(ElabOptions options, Reporter rep, ContextVars cv, TargetDependence dependence,
                 AliasElision elision) {
        this.options = options;
        this.rep = rep;
        this.cv = cv;
        this.dependence = dependence;
        this.elision = elision;
    }

    /** An alias body to merge, trimmed of dead assignments, with the reference it was expanded at. */
    private record Layer(Stmt.Block body, io.jstap.compiler.diag.Span use) {
    }

    List<ProbeDraft> build(Decl.Probe p, ProbeResolver.PointExpansions pe) {
        List<ProbeDraft> out = new ArrayList<>();
        List<ProbeDraft> shared = new ArrayList<>();
        Expr condition = pe.point().condition();
        for (ProbeResolver.Expansion x : pe.expansions()) {
            List<Layer> pro = layers(x.prologues());
            List<Layer> epi = layers(x.epilogues());
            Set<String> aliasAssigned = new LinkedHashSet<>();
            for (Layer l : pro) {
                assigned(l.body(), aliasAssigned);
            }
            for (Layer l : epi) {
                assigned(l.body(), aliasAssigned);
            }
            if (elision != null) {
                // Trimmed before anything is copied, so what is dropped cannot make the body target-dependent.
                List<Stmt.Block> all = new ArrayList<>();
                pro.forEach(l -> all.add(l.body()));
                epi.forEach(l -> all.add(l.body()));
                List<Stmt.Block> kept = elision.elide(all, p.body(), condition);
                pro = trimmed(pro, kept.subList(0, pro.size()));
                epi = trimmed(epi, kept.subList(kept.size() - epi.size(), kept.size()));
            }
            boolean dependent = dependence.dependent(p.body()) || dependence.dependent(condition);
            for (Layer l : pro) {
                dependent |= dependence.dependent(l.body());
            }
            for (Layer l : epi) {
                dependent |= dependence.dependent(l.body());
            }
            if (dependent) {
                for (ProbeTarget t : x.targets()) {
                    out.add(draft(p, pe, List.of(t), x, pro, epi, aliasAssigned));
                }
            } else {
                ProbeDraft d = draft(p, pe, x.targets(), x, pro, epi, aliasAssigned);
                out.add(d);
                shared.add(d);
            }
        }
        return elision == null || shared.size() < 2 ? out : merge(out, shared);
    }

    private static List<Layer> layers(List<ProbeResolver.Layer> ls) {
        List<Layer> out = new ArrayList<>();
        for (ProbeResolver.Layer l : ls) {
            out.add(new Layer(l.alias().body(), l.use()));
        }
        return out;
    }

    private static List<Layer> trimmed(List<Layer> layers, List<Stmt.Block> kept) {
        List<Layer> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (!kept.get(i).stmts().isEmpty()) {
                out.add(new Layer(kept.get(i), layers.get(i).use()));
            }
        }
        return out;
    }

    private ProbeDraft draft(Decl.Probe p, ProbeResolver.PointExpansions pe, List<ProbeTarget> targets,
                             ProbeResolver.Expansion x, List<Layer> pro, List<Layer> epi, Set<String> aliasAssigned) {
        ProbeTarget single = targets.size() == 1 ? targets.get(0) : null;
        BodySpecializer spec = new BodySpecializer(options, rep, cv, single);
        List<Stmt> stmts = new ArrayList<>();
        for (Layer l : pro) {
            stmts.add(spec.expandedAt(l.use()).copyBlock(l.body()));
        }
        Stmt.Block user = spec.copyBlock(p.body());
        stmts.add(user);
        for (Layer l : epi) {
            stmts.add(spec.expandedAt(l.use()).copyBlock(l.body()));
        }
        Stmt.Block body = stmts.size() == 1 ? user : new Stmt.Block(p.body().span(), stmts);
        Expr condition = spec.copy(pe.point().condition());
        List<String> chain = new ArrayList<>(x.chain());
        String written = pe.point().toString();
        if (!chain.get(chain.size() - 1).equals(written)) {
            chain.add(written);
        }
        ProbeTarget entry = single == null ? null : cv.entryTarget(single).orElse(null);
        String alias = x.chain().size() > 1 ? x.chain().get(x.chain().size() - 1) : null;
        return new ProbeDraft(p, pe.point(), targets, body, condition, chain, aliasAssigned,
                new Scope(null, single, entry), alias);
    }

    /** Drafts that do not depend on their targets and have equal bodies become one, in first-seen order. */
    private static List<ProbeDraft> merge(List<ProbeDraft> all, List<ProbeDraft> shared) {
        record Shape(Stmt.Block body, Expr condition) {
        }
        Map<Shape, List<ProbeDraft>> groups = new LinkedHashMap<>();
        for (ProbeDraft d : shared) {
            groups.computeIfAbsent(new Shape(d.body, d.condition), k -> new ArrayList<>()).add(d);
        }
        List<ProbeDraft> out = new ArrayList<>();
        for (ProbeDraft d : all) {
            if (!shared.contains(d)) {
                out.add(d);
                continue;
            }
            List<ProbeDraft> g = groups.get(new Shape(d.body, d.condition));
            if (g.get(0) != d) {
                continue;
            }
            if (g.size() == 1) {
                out.add(d);
                continue;
            }
            List<ProbeTarget> targets = new ArrayList<>();
            for (ProbeDraft m : g) {
                targets.addAll(m.targets);
            }
            out.add(new ProbeDraft(d.source, d.point, targets, d.body, d.condition, List.of(d.point.toString()),
                    d.aliasAssigned, new Scope(null, null, null), null));
        }
        return out;
    }

    /** Names an alias body assigns: the variables it offers the user's body. */
    private static void assigned(Stmt.Block body, Set<String> out) {
        new AstScanner() {
            @Override
            public Void visitAssign(Expr.Assign e) {
                if (e.target() instanceof Expr.Ident id) {
                    out.add(id.name());
                }
                return super.visitAssign(e);
            }
        }.scan(body);
    }
}
