package io.jstap.compiler.tapset;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The tapset library as elaboration sees it: probe aliases (hand-written ones first, then the synthesised
 * syscall aliases they do not override) and the functions and globals a script may pull in. Private
 * declarations are visible only inside their own file. Immutable, so one instance serves every reload.
 */
public final class TapsetLibrary {

    /** A tapset global: its declaration statement and the variable in it. */
    public record GlobalDef(Decl.Global decl, Decl.GlobalVar var) {
    }

    private final List<Decl.ProbeAlias> written = new ArrayList<>();
    private final Map<String, List<Decl.Function>> functions = new HashMap<>();
    private final Map<String, List<GlobalDef>> globals = new HashMap<>();
    private final List<Script> scripts;
    private final Set<String> writtenNames = new HashSet<>();
    private final Supplier<List<Decl.ProbeAlias>> generatedSource;
    private List<Decl.ProbeAlias> generated;

    public TapsetLibrary(List<Script> scripts, List<Decl.ProbeAlias> generated) {
        this(scripts, () -> generated);
    }

    /**
     * A library whose synthesised aliases are made only when first asked for: a script that probes no
     * syscall then never reads the hundreds of tracepoint formats they come from.
     */
    public TapsetLibrary(List<Script> scripts, Supplier<List<Decl.ProbeAlias>> generated) {
        this.scripts = List.copyOf(scripts);
        this.generatedSource = generated;
        for (Script s : scripts) {
            for (Decl d : s.decls()) {
                if (d instanceof Decl.ProbeAlias a) {
                    written.add(a);
                    for (ProbePoint n : a.names()) {
                        writtenNames.add(dotted(n));
                    }
                } else if (d instanceof Decl.Function f) {
                    functions.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
                } else if (d instanceof Decl.Global g) {
                    for (Decl.GlobalVar v : g.vars()) {
                        globals.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(new GlobalDef(g, v));
                    }
                }
            }
        }
    }

    /** The probe point name without parameters: {@code syscall.read.return}. */
    public static String dotted(ProbePoint p) {
        StringBuilder sb = new StringBuilder();
        for (ProbePoint.Component c : p.components()) {
            sb.append(sb.length() == 0 ? "" : ".").append(c.name());
        }
        return sb.toString();
    }

    /** Every alias: the hand-written ones, then the synthesised ones they do not override. */
    public List<Decl.ProbeAlias> aliases() {
        List<Decl.ProbeAlias> all = new ArrayList<>(written);
        all.addAll(generatedAliases());
        return all;
    }

    /** The aliases of the tapset files, without synthesising any. */
    public List<Decl.ProbeAlias> writtenAliases() {
        return written;
    }

    /**
     * The first components every synthesised alias starts with: a probe point whose first component matches
     * none of them resolves against {@link #writtenAliases()} exactly as against {@link #aliases()}.
     */
    public static Set<String> generatedRoots() {
        return SyscallTapset.ROOTS;
    }

    /** The synthesised aliases, made on first use; a hand-written alias replaces one of the same name. */
    public synchronized List<Decl.ProbeAlias> generatedAliases() {
        if (generated == null) {
            List<Decl.ProbeAlias> out = new ArrayList<>();
            for (Decl.ProbeAlias a : generatedSource.get()) {
                List<ProbePoint> keep = new ArrayList<>();
                for (ProbePoint n : a.names()) {
                    if (!writtenNames.contains(dotted(n))) {
                        keep.add(n);
                    }
                }
                if (keep.size() == a.names().size()) {
                    out.add(a);
                } else if (!keep.isEmpty()) {
                    out.add(new Decl.ProbeAlias(a.span(), keep, a.targets(), a.epilogue(), a.body()));
                }
            }
            generated = List.copyOf(out);
        }
        return generated;
    }

    /** The parsed tapset files (not the synthesised aliases). */
    public List<Script> scripts() {
        return scripts;
    }

    /** The function {@code name} visible from code in {@code from}, or null. */
    public Decl.Function function(String name, Source from) {
        List<Decl.Function> fs = functions.get(name);
        if (fs == null) {
            return null;
        }
        for (Decl.Function f : fs) {
            if (!f.isPrivate() || f.span().source() == from) {
                return f;
            }
        }
        return null;
    }

    /** The global {@code name} visible from code in {@code from}, or null. */
    public GlobalDef global(String name, Source from) {
        List<GlobalDef> gs = globals.get(name);
        if (gs == null) {
            return null;
        }
        for (GlobalDef g : gs) {
            if (!g.decl().isPrivate() || g.decl().span().source() == from) {
                return g;
            }
        }
        return null;
    }

    /** Names of the functions any script may call, sorted. */
    public Collection<String> publicFunctionNames() {
        Set<String> out = new TreeSet<>();
        functions.forEach((n, fs) -> {
            if (fs.stream().anyMatch(f -> !f.isPrivate())) {
                out.add(n);
            }
        });
        return out;
    }

    /** Every public function declaration, sorted by name (for listings and completion). */
    public List<Decl.Function> publicFunctions() {
        List<Decl.Function> out = new ArrayList<>();
        for (String n : publicFunctionNames()) {
            out.add(function(n, null));
        }
        return out;
    }
}
