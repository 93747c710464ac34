package io.jstap.compiler.tapset;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.ast.Script;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One tapset file as the library sees it: the names it declares, known up front, and its declarations,
 * parsed only when a lookup needs one of those names. Most scripts use a few tapset functions or none,
 * and parsing every file cost more than the rest of a small script's compilation.
 */
public final class TapsetFile {
    private final Set<String> functionNames;
    private final Set<String> globalNames;
    private final Set<String> aliasNames;
    private final Supplier<Script> parser;
    private Contents contents;

    /** A file's declarations by kind and name, in file order. */
    private record Contents(Script script, Map<String, List<Decl.Function>> functions,
                            Map<String, List<TapsetLibrary.GlobalDef>> globals, List<Decl.ProbeAlias> aliases) {
    }

    private TapsetFile(Set<String> functions, Set<String> globals, Set<String> aliases, Supplier<Script> parser) {
        this.functionNames = functions;
        this.globalNames = globals;
        this.aliasNames = aliases;
        this.parser = parser;
    }

    /** A file already parsed. */
    public static TapsetFile of(Script script) {
        TapsetFile f = new TapsetFile(null, null, null, () -> script);
        f.contents();
        return f;
    }

    /**
     * The file of {@code text}: {@code parser} runs on first use if a quick scan of the text can list what it
     * declares, now otherwise.
     */
    public static TapsetFile scanned(String text, Supplier<Script> parser) {
        TapsetScan.Names names = TapsetScan.scan(text);
        if (names.opaque()) {
            return of(parser.get());
        }
        return new TapsetFile(names.functions(), names.globals(), names.aliases(), parser);
    }

    public boolean declaresFunction(String name) {
        return functionNames == null ? contents().functions.containsKey(name) : functionNames.contains(name);
    }

    public boolean declaresGlobal(String name) {
        return globalNames == null ? contents().globals.containsKey(name) : globalNames.contains(name);
    }

    /** Dotted names of the aliases it declares: {@code vfs.read}. */
    public Set<String> aliasNames() {
        if (aliasNames != null) {
            return aliasNames;
        }
        Set<String> out = new LinkedHashSet<>();
        for (Decl.ProbeAlias a : contents().aliases) {
            for (ProbePoint n : a.names()) {
                out.add(TapsetLibrary.dotted(n));
            }
        }
        return out;
    }

    public Script script() {
        return contents().script;
    }

    List<Decl.Function> functions(String name) {
        return contents().functions.getOrDefault(name, List.of());
    }

    List<TapsetLibrary.GlobalDef> globals(String name) {
        return contents().globals.getOrDefault(name, List.of());
    }

    List<Decl.ProbeAlias> aliases() {
        return contents().aliases;
    }

    /** Whether the declarations have been read (a test's view of the laziness). */
    public synchronized boolean isParsed() {
        return contents != null;
    }

    private synchronized Contents contents() {
        if (contents == null) {
            Script s = parser.get();
            Map<String, List<Decl.Function>> functions = new HashMap<>();
            Map<String, List<TapsetLibrary.GlobalDef>> globals = new HashMap<>();
            List<Decl.ProbeAlias> aliases = new ArrayList<>();
            for (Decl d : s.decls()) {
                if (d instanceof Decl.ProbeAlias a) {
                    aliases.add(a);
                } else if (d instanceof Decl.Function f) {
                    functions.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
                } else if (d instanceof Decl.Global g) {
                    for (Decl.GlobalVar v : g.vars()) {
                        globals.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(new TapsetLibrary.GlobalDef(g, v));
                    }
                }
            }
            contents = new Contents(s, functions, globals, List.copyOf(aliases));
        }
        return contents;
    }
}
