package io.jstap.compiler.sema;

import io.jstap.compiler.ast.AstScanner;
import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.ast.Script;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.tapset.TapsetLibrary;
import io.jstap.compiler.tapset.TapsetLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Elaboration, stap's pass 2. The steps, in order:
 * <ol>
 * <li>collect the scripts' declarations (duplicates are errors);</li>
 * <li>load the tapset library (parsed once per JVM; syscall aliases synthesised once per catalog);</li>
 * <li>build the probe point namespace: built-in families, the scripts' aliases, then tapset aliases;</li>
 * <li>resolve every probe point against the catalog, expanding aliases ({@code ?}, {@code !} honoured);</li>
 * <li>merge alias bodies around each probe body and specialise the copy for its target(s);</li>
 * <li>resolve symbols and infer types to a fixed point, pulling in tapset functions and globals;</li>
 * <li>assemble the {@link Program}.</li>
 * </ol>
 */
public final class Elaborator {
    private Elaborator() {
    }

    public static ElabResult elaborate(List<Script> scripts, ElabOptions options, ProbeCatalog catalog) {
        Diagnostics diags = new Diagnostics();
        TapsetLibrary lib = TapsetLoader.load(options.includeDirs(), catalog, diags);
        return elaborate(scripts, options, catalog, lib, diags);
    }

    /** Elaborates against a given tapset library (tests, tools that bring their own). */
    public static ElabResult elaborate(List<Script> scripts, ElabOptions options, ProbeCatalog catalog,
                                       TapsetLibrary lib) {
        return elaborate(scripts, options, catalog, lib, new Diagnostics());
    }

    private static ElabResult elaborate(List<Script> scripts, ElabOptions options, ProbeCatalog catalog,
                                        TapsetLibrary lib, Diagnostics diags) {
        Reporter rep = new Reporter(diags);
        UserDecls user = UserDecls.collect(scripts, rep);
        ProbePointTree tree = namespace(user, lib);
        ContextVars cv = new ContextVars(catalog);
        ProbeResolver resolver = new ProbeResolver(tree, catalog, options, rep);
        TargetDependence dependence = new TargetDependence(user, lib);

        List<ProbeDraft> drafts = new ArrayList<>();
        for (Decl.Probe p : user.probes) {
            for (ProbeResolver.PointExpansions pe : resolver.resolve(p)) {
                for (ProbeResolver.Expansion x : pe.expansions()) {
                    boolean dependent = dependence.dependent(p.body()) || dependence.dependent(pe.point().condition());
                    for (ProbeResolver.Layer l : x.prologues()) {
                        dependent |= dependence.dependent(l.alias().body());
                    }
                    for (ProbeResolver.Layer l : x.epilogues()) {
                        dependent |= dependence.dependent(l.alias().body());
                    }
                    if (dependent && x.targets().size() > 1) {
                        for (ProbeTarget t : x.targets()) {
                            drafts.add(draft(p, pe.point(), List.of(t), x, options, rep, cv));
                        }
                    } else {
                        drafts.add(draft(p, pe.point(), x.targets(), x, options, rep, cv));
                    }
                }
            }
        }

        SymbolTable table = new SymbolTable(user, lib, rep, new BodySpecializer(options, rep, cv, null));
        TypeInference ti = new TypeInference(rep, table, cv, drafts);
        Set<Func> reachable = ti.run();
        Program program = ProgramBuilder.build(ti, reachable);
        return new ElabResult(program, diags);
    }

    /** Built-in families, then the scripts' aliases, then tapset aliases the scripts do not redefine. */
    private static ProbePointTree namespace(UserDecls user, TapsetLibrary lib) {
        ProbePointTree tree = new ProbePointTree();
        ProbeFamilies.register(tree);
        Set<String> userNames = new HashSet<>();
        for (Decl.ProbeAlias a : user.aliases) {
            tree.addAlias(a);
            for (ProbePoint n : a.names()) {
                userNames.add(TapsetLibrary.dotted(n));
            }
        }
        for (Decl.ProbeAlias a : lib.aliases()) {
            if (userNames.isEmpty()) {
                tree.addAlias(a);
                continue;
            }
            List<ProbePoint> keep = new ArrayList<>();
            for (ProbePoint n : a.names()) {
                if (!userNames.contains(TapsetLibrary.dotted(n))) {
                    keep.add(n);
                }
            }
            if (!keep.isEmpty()) {
                tree.addAlias(new Decl.ProbeAlias(a.span(), keep, a.targets(), a.epilogue(), a.body()));
            }
        }
        return tree;
    }

    private static ProbeDraft draft(Decl.Probe p, ProbePoint point, List<ProbeTarget> targets,
                                    ProbeResolver.Expansion x, ElabOptions options, Reporter rep, ContextVars cv) {
        ProbeTarget single = targets.size() == 1 ? targets.get(0) : null;
        BodySpecializer spec = new BodySpecializer(options, rep, cv, single);
        Set<String> aliasAssigned = new LinkedHashSet<>();
        List<Stmt> stmts = new ArrayList<>();
        for (ProbeResolver.Layer l : x.prologues()) {
            stmts.add(spec.expandedAt(l.use()).copyBlock(l.alias().body()));
            assigned(l.alias().body(), aliasAssigned);
        }
        Stmt.Block user = spec.copyBlock(p.body());
        stmts.add(user);
        for (ProbeResolver.Layer l : x.epilogues()) {
            stmts.add(spec.expandedAt(l.use()).copyBlock(l.alias().body()));
            assigned(l.alias().body(), aliasAssigned);
        }
        Stmt.Block body = stmts.size() == 1 ? user : new Stmt.Block(p.body().span(), stmts);
        Expr condition = spec.copy(point.condition());
        List<String> chain = new ArrayList<>(x.chain());
        String written = point.toString();
        if (!chain.get(chain.size() - 1).equals(written)) {
            chain.add(written);
        }
        ProbeTarget entry = single == null ? null : cv.entryTarget(single).orElse(null);
        return new ProbeDraft(p, point, targets, body, condition, chain, aliasAssigned, new Scope(null, single, entry));
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
