package io.jstap.repl.shell;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.complete.CommandInfo;
import io.jstap.compiler.complete.CompletionSources;
import io.jstap.compiler.complete.FunctionInfo;
import io.jstap.compiler.complete.GlobalInfo;
import io.jstap.compiler.complete.OptionInfo;
import io.jstap.compiler.complete.SnippetInfo;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.sema.BuiltinFunction;
import io.jstap.compiler.sema.Builtins;
import io.jstap.compiler.tapset.TapsetLibrary;
import io.jstap.compiler.tapset.TapsetLoader;
import io.jstap.runtime.live.GlobalView;
import io.jstap.runtime.live.LiveOptions;
import io.jstap.runtime.live.LiveSession;
import io.jstap.runtime.live.Snippet;
import io.jstap.runtime.live.commands.CommandTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Tab completion knows, read from the live session at each key press: the machine's probe catalog, the
 * tapset's aliases and functions (loaded once), the builtins, the session's globals, functions and snippets,
 * the command table and the settings.
 */
final class SessionSources implements CompletionSources {

    private final LiveSession session;
    private final ProbeCatalog catalog;
    private final CommandTable commands;
    private final List<Path> includeDirs;
    private List<String> aliases;
    private List<FunctionInfo> libraryFunctions;

    SessionSources(LiveSession session, ProbeCatalog catalog, CommandTable commands, List<Path> includeDirs) {
        this.session = session;
        this.catalog = catalog;
        this.commands = commands;
        this.includeDirs = List.copyOf(includeDirs);
    }

    @Override
    public ProbeCatalog catalog() {
        return catalog;
    }

    private synchronized void loadLibrary() {
        if (aliases != null) {
            return;
        }
        TapsetLibrary lib = TapsetLoader.load(includeDirs, catalog, new Diagnostics());
        Set<String> names = new LinkedHashSet<>();
        for (Decl.ProbeAlias a : lib.aliases()) {
            for (ProbePoint p : a.names()) {
                names.add(TapsetLibrary.dotted(p));
            }
        }
        aliases = List.copyOf(names);
        List<FunctionInfo> fns = new ArrayList<>();
        for (BuiltinFunction b : Builtins.all()) {
            fns.add(new FunctionInfo(b.name(), b.signature()));
        }
        for (Decl.Function f : lib.publicFunctions()) {
            fns.add(new FunctionInfo(f.name(), signature(f)));
        }
        libraryFunctions = List.copyOf(fns);
    }

    static String signature(Decl.Function f) {
        String params = f.params().stream()
                .map(p -> p.name() + ":" + (p.type() == null ? "any" : p.type().symbol))
                .collect(Collectors.joining(", "));
        return f.name() + ":" + (f.returnType() == null ? "unknown" : f.returnType().symbol) + " (" + params + ")";
    }

    @Override
    public Collection<String> aliasNames() {
        loadLibrary();
        return aliases;
    }

    @Override
    public Collection<FunctionInfo> functions() {
        loadLibrary();
        List<FunctionInfo> out = new ArrayList<>(libraryFunctions);
        for (Snippet s : session.snippets()) {
            if (s.kind() == Snippet.Kind.FUNCTION) {
                out.add(new FunctionInfo(s.name(), s.name() + " " + s.summary(60)));
            }
        }
        return out;
    }

    @Override
    public Collection<GlobalInfo> globals() {
        List<GlobalInfo> out = new ArrayList<>();
        for (GlobalView g : session.globals()) {
            out.add(new GlobalInfo(g.name(), g.type()));
        }
        return out;
    }

    @Override
    public Collection<CommandInfo> commands() {
        return commands.infos();
    }

    @Override
    public Collection<SnippetInfo> snippets() {
        List<SnippetInfo> out = new ArrayList<>();
        for (Snippet s : session.snippets()) {
            out.add(new SnippetInfo("#" + s.id(), s.kind() == Snippet.Kind.PROBE ? "" : s.name(), s.summary(50)));
        }
        return out;
    }

    @Override
    public Collection<OptionInfo> options() {
        List<OptionInfo> out = new ArrayList<>();
        for (LiveOptions.Option o : LiveOptions.ALL) {
            out.add(new OptionInfo(o.name(), o.description(), o.values()));
        }
        return out;
    }
}
