package io.jstap.compiler.tapset;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.parse.ParseResult;
import io.jstap.compiler.parse.Parser;
import io.jstap.compiler.parse.PreprocessorContext;
import io.jstap.compiler.probe.ProbeCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Loads the tapset library: the {@code .stp} files shipped under {@code tapsets/} on the classpath (listed in
 * {@code tapsets/INDEX}, since directories inside jars cannot be listed reliably), the files of {@code -I}
 * directories, and the syscall aliases synthesised from the catalog. Everything is cached for the life of the
 * JVM: parsed files by path and modification time, synthesised aliases by catalog, whole libraries by their
 * inputs, so a REPL reload costs nothing here.
 */
public final class TapsetLoader {
    static final String RESOURCE_DIR = "tapsets/";

    /** A parsed file and the problems parsing found (reported again on every load). */
    private record Parsed(Script script, List<Diagnostic> problems) {
    }

    private record FileKey(Path path, long modified, long size, String release, String arch) {
    }

    private record LibraryKey(ProbeCatalog catalog, List<FileKey> files) {
    }

    /** The shipped files and what went wrong finding them. */
    private record Shipped(List<TapsetFile> files, List<Diagnostic> problems) {
    }

    private static final Map<String, Shipped> BUILTIN = new ConcurrentHashMap<>();
    private static final Map<FileKey, Parsed> FILES = new ConcurrentHashMap<>();
    private static final Map<ProbeCatalog, List<Decl.ProbeAlias>> GENERATED =
            Collections.synchronizedMap(new WeakHashMap<>());
    private static final Map<LibraryKey, Loaded> LIBRARIES = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<LibraryKey, Loaded> e) {
                    return size() > 8;
                }
            });

    private record Loaded(TapsetLibrary library, List<Diagnostic> problems) {
    }

    private TapsetLoader() {
    }

    /**
     * The library for these {@code -I} directories and this catalog. Problems (unreadable directories,
     * parse errors in tapset files) are added to {@code diagnostics}.
     */
    public static TapsetLibrary load(List<Path> includeDirs, ProbeCatalog catalog, Diagnostics diagnostics) {
        List<Diagnostic> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path dir : includeDirs) {
            files.addAll(stpFiles(dir, problems));
        }
        List<FileKey> keys = new ArrayList<>();
        for (Path f : files) {
            keys.add(key(f, catalog, problems));
        }
        LibraryKey lk = new LibraryKey(catalog, keys);
        Loaded loaded = LIBRARIES.get(lk);
        if (loaded == null) {
            Shipped shipped = builtin(catalog);
            List<TapsetFile> tapsets = new ArrayList<>(shipped.files());
            List<Diagnostic> parseProblems = new ArrayList<>(shipped.problems());
            for (FileKey k : keys) {
                if (k != null) {
                    Parsed p = FILES.computeIfAbsent(k, TapsetLoader::parseFile);
                    tapsets.add(TapsetFile.of(p.script()));
                    parseProblems.addAll(p.problems());
                }
            }
            loaded = new Loaded(TapsetLibrary.of(tapsets, () -> generated(catalog)), parseProblems);
            LIBRARIES.put(lk, loaded);
        }
        problems.addAll(loaded.problems());
        problems.forEach(diagnostics::add);
        return loaded.library();
    }

    /** The syscall aliases of a catalog, synthesised once. */
    public static List<Decl.ProbeAlias> generated(ProbeCatalog catalog) {
        synchronized (GENERATED) {
            return GENERATED.computeIfAbsent(catalog, SyscallTapset::generate);
        }
    }

    /** The preprocessor context tapsets are read with: the catalog's kernel, no script arguments. */
    public static PreprocessorContext context(ProbeCatalog catalog) {
        PreprocessorContext d = PreprocessorContext.defaults();
        return new PreprocessorContext(catalog.kernelRelease(), catalog.arch(), d.runtime(), d.systemtapVersion(),
                d.kconfig(), List.of());
    }

    /**
     * The shipped files, each parsed only when a lookup needs a name it declares (a file whose declarations a
     * quick scan cannot list is parsed now). They are tested to parse cleanly, so a parse error in one
     * is an internal error, not a user's problem.
     */
    private static Shipped builtin(ProbeCatalog catalog) {
        String key = catalog.kernelRelease() + "/" + catalog.arch();
        return BUILTIN.computeIfAbsent(key, k -> {
            String index = resource(RESOURCE_DIR + "INDEX");
            if (index == null) {
                return new Shipped(List.of(), List.of(Diagnostic.warning("tapset-missing", "the tapset library ("
                        + RESOURCE_DIR + "INDEX) is not on the classpath", Span.NONE)));
            }
            PreprocessorContext ctx = context(catalog);
            List<TapsetFile> out = new ArrayList<>();
            for (String line : index.split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                String text = resource(RESOURCE_DIR + name);
                if (text == null) {
                    throw new IllegalStateException("tapset " + name + " is listed in INDEX but missing");
                }
                Source source = new Source("<tapset>/" + name, text);
                out.add(TapsetFile.scanned(text, () -> shipped(source, ctx)));
            }
            return new Shipped(List.copyOf(out), List.of());
        });
    }

    private static Script shipped(Source source, PreprocessorContext ctx) {
        Parsed p = parse(source, ctx);
        for (Diagnostic d : p.problems()) {
            if (d.isError()) {
                throw new IllegalStateException("shipped tapset " + source.name() + ": " + d.message());
            }
        }
        return p.script();
    }

    private static Parsed parseFile(FileKey k) {
        try {
            String text = Files.readString(k.path(), StandardCharsets.UTF_8);
            PreprocessorContext d = PreprocessorContext.defaults();
            PreprocessorContext ctx = new PreprocessorContext(k.release(), k.arch(), d.runtime(),
                    d.systemtapVersion(), d.kconfig(), List.of());
            return parse(new Source(k.path().toString(), text), ctx);
        } catch (IOException e) {
            return new Parsed(new Script(Span.NONE, List.of(), List.of()), List.of(Diagnostic.semanticError(
                    "tapset-io", "cannot read tapset " + k.path() + ": " + e.getMessage(), Span.NONE)));
        }
    }

    private static Parsed parse(Source source, PreprocessorContext ctx) {
        ParseResult r = Parser.parse(source, ctx);
        return new Parsed(r.script(), r.diagnostics().list());
    }

    private static FileKey key(Path f, ProbeCatalog catalog, List<Diagnostic> problems) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return new FileKey(f.toAbsolutePath().normalize(), a.lastModifiedTime().toMillis(), a.size(),
                    catalog.kernelRelease(), catalog.arch());
        } catch (IOException e) {
            problems.add(Diagnostic.semanticError("tapset-io", "cannot read tapset " + f + ": " + e.getMessage(),
                    Span.NONE));
            return null;
        }
    }

    /** The .stp files under {@code dir}, recursively, in path order. */
    private static List<Path> stpFiles(Path dir, List<Diagnostic> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(Diagnostic.semanticError("tapset-io", "tapset directory " + dir + " does not exist",
                    Span.NONE));
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".stp") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            problems.add(Diagnostic.semanticError("tapset-io", "cannot list tapset directory " + dir + ": "
                    + e.getMessage(), Span.NONE));
            return List.of();
        }
    }

    private static String resource(String name) {
        try (InputStream in = TapsetLoader.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
