package io.jstap.compiler.tapset;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Source;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The tapset library as elaboration sees it: probe aliases (hand-written ones first, then the synthesised
 * syscall aliases they do not override) and the functions and globals a script may pull in. Private
 * declarations are visible only inside their own file. Files are parsed, and syscall aliases synthesised,
 * only when a lookup needs them; the answers are the same as if everything had been read up front. One
 * instance serves every reload.
 */
public final class TapsetLibrary {

    /** A tapset global: its declaration statement and the variable in it. */
    public record GlobalDef(Decl.Global decl, Decl.GlobalVar var) {
    }

    private final List<TapsetFile> files;
    private final Set<String> writtenNames = new LinkedHashSet<>();
    private final Supplier<List<Decl.ProbeAlias>> generatedSource;
    private List<Decl.ProbeAlias> generated;

    public TapsetLibrary(List<Script> scripts, List<Decl.ProbeAlias> generated) {
        this(scripts, () -> generated);
    }

    public TapsetLibrary(List<Script> scripts, Supplier<List<Decl.ProbeAlias>> generated) {
        this(generated, scripts.stream().map(TapsetFile::of).toList());
    }

    private TapsetLibrary(Supplier<List<Decl.ProbeAlias>> generated, List<TapsetFile> files) {
        this.files = List.copyOf(files);
        this.generatedSource = generated;
        for (TapsetFile f : files) {
            writtenNames.addAll(f.aliasNames());
        }
    }

    /** A library of these files, in lookup order, whose synthesised aliases come from {@code generated}. */
    public static TapsetLibrary of(List<TapsetFile> files, Supplier<List<Decl.ProbeAlias>> generated) {
        return new TapsetLibrary(generated, files);
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
        List<Decl.ProbeAlias> all = new ArrayList<>(writtenAliases());
        all.addAll(generatedAliases());
        return all;
    }

    /** The aliases of the tapset files, without synthesising any (only files declaring one are parsed). */
    public List<Decl.ProbeAlias> writtenAliases() {
        List<Decl.ProbeAlias> out = new ArrayList<>();
        for (TapsetFile f : files) {
            if (!f.aliasNames().isEmpty()) {
                out.addAll(f.aliases());
            }
        }
        return out;
    }

    /** Dotted names of the hand-written aliases, known without parsing. */
    public Set<String> writtenAliasNames() {
        return writtenNames;
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

    /** The parsed tapset files (not the synthesised aliases); parses every file. */
    public List<Script> scripts() {
        return files.stream().map(TapsetFile::script).toList();
    }

    /** The function {@code name} visible from code in {@code from}, or null. */
    public Decl.Function function(String name, Source from) {
        for (TapsetFile file : files) {
            if (file.declaresFunction(name)) {
                for (Decl.Function f : file.functions(name)) {
                    if (!f.isPrivate() || f.span().source() == from) {
                        return f;
                    }
                }
            }
        }
        return null;
    }

    /** The global {@code name} visible from code in {@code from}, or null. */
    public GlobalDef global(String name, Source from) {
        for (TapsetFile file : files) {
            if (file.declaresGlobal(name)) {
                for (GlobalDef g : file.globals(name)) {
                    if (!g.decl().isPrivate() || g.decl().span().source() == from) {
                        return g;
                    }
                }
            }
        }
        return null;
    }

    /** Names of the functions any script may call, sorted; parses every file. */
    public Collection<String> publicFunctionNames() {
        Set<String> out = new TreeSet<>();
        for (Script s : scripts()) {
            for (Decl d : s.decls()) {
                if (d instanceof Decl.Function f && !f.isPrivate()) {
                    out.add(f.name());
                }
            }
        }
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
