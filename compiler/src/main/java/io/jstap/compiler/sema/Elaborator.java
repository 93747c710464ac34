package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.tapset.TapsetLibrary;
import io.jstap.compiler.tapset.TapsetLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Elaboration, stap's pass 2. The steps, in order:
 * <ol>
 * <li>collect the scripts' declarations (duplicates are errors);</li>
 * <li>load the tapset library (parsed once per JVM; syscall aliases synthesised once per catalog);</li>
 * <li>build the probe point namespace: built-in families and tapset aliases (cached per library), overlaid
 * with the scripts' aliases;</li>
 * <li>resolve every probe point against the catalog, expanding aliases ({@code ?}, {@code !} honoured);</li>
 * <li>merge alias bodies around each probe body and specialise the copy for its target(s); unless
 * unoptimised, drop alias variables nothing reads and let expansions with equal bodies share one probe;</li>
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
        ProbeNamespace tree = ProbeNamespace.of(lib, user.aliases);
        ContextVars cv = new ContextVars(catalog);
        ProbeResolver resolver = new ProbeResolver(tree, catalog, options, rep);
        TargetDependence dependence = new TargetDependence(user, lib);

        AliasElision elision = options.unoptimized() ? null : new AliasElision(user, lib);
        DraftBuilder builder = new DraftBuilder(options, rep, cv, dependence, elision);
        List<ProbeDraft> drafts = new ArrayList<>();
        for (Decl.Probe p : user.probes) {
            for (ProbeResolver.PointExpansions pe : resolver.resolve(p)) {
                drafts.addAll(builder.build(p, pe));
            }
        }

        SymbolTable table = new SymbolTable(user, lib, rep, new BodySpecializer(options, rep, cv, null));
        TypeInference ti = new TypeInference(rep, table, cv, drafts);
        Set<Func> reachable = ti.run();
        Program program = ProgramBuilder.build(ti, reachable);
        return new ElabResult(program, diags);
    }
}
