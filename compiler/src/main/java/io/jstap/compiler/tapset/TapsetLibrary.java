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

/**
 * The tapset library as elaboration sees it: probe aliases (hand-written ones first, then the synthesised
 * syscall aliases they do not override) and the functions and globals a script may pull in. Private
 * declarations are visible only inside their own file. Immutable, so one instance serves every reload.
 */
public final class TapsetLibrary {

    /** A tapset global: its declaration statement and the variable in it. */
    public record GlobalDef(Decl.Global decl, Decl.GlobalVar var) {
    }

    private final List<Decl.ProbeAlias> aliases = new ArrayList<>();
    private final Map<String, List<Decl.Function>> functions = new HashMap<>();
    private final Map<String, List<GlobalDef>> globals = new HashMap<>();
    private final List<Script> scripts;

    public TapsetLibrary(List<Script> scripts, List<Decl.ProbeAlias> generated) {
        this.scripts = List.copyOf(scripts);
        Set<String> written = new HashSet<>();
        for (Script s : scripts) {
            for (Decl d : s.decls()) {
                if (d instanceof Decl.ProbeAlias a) {
                    aliases.add(a);
                    for (ProbePoint n : a.names()) {
                        written.add(dotted(n));
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
        // A hand-written alias replaces the synthesised alias of the same name.
        for (Decl.ProbeAlias a : generated) {
            List<ProbePoint> keep = new ArrayList<>();
            for (ProbePoint n : a.names()) {
                if (!written.contains(dotted(n))) {
                    keep.add(n);
                }
            }
            if (keep.size() == a.names().size()) {
                aliases.add(a);
            } else if (!keep.isEmpty()) {
                aliases.add(new Decl.ProbeAlias(a.span(), keep, a.targets(), a.epilogue(), a.body()));
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

    public List<Decl.ProbeAlias> aliases() {
        return aliases;
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
