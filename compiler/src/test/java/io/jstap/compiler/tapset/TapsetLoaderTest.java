package io.jstap.compiler.tapset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.sema.ElabOptions;
import io.jstap.compiler.sema.Pipeline;
import io.jstap.compiler.sema.TestCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TapsetLoaderTest {
    private static final ProbeCatalog CATALOG = TestCatalog.create();

    private static Path dir(String name) throws Exception {
        return Path.of(TapsetLoaderTest.class.getClassLoader().getResource("tapsets-test/" + name).toURI());
    }

    private static List<String> aliasNames(TapsetLibrary lib) {
        List<String> out = new ArrayList<>();
        for (Decl.ProbeAlias a : lib.aliases()) {
            for (ProbePoint p : a.names()) {
                out.add(TapsetLibrary.dotted(p));
            }
        }
        return out;
    }

    @Test
    void theShippedLibraryParsesCleanly() {
        Diagnostics d = new Diagnostics();
        TapsetLibrary lib = TapsetLoader.load(List.of(), CATALOG, d);
        assertEquals("", d.render());
        assertTrue(lib.publicFunctionNames().containsAll(List.of("thread_indent", "ctime", "errno_str",
                "user_string_quoted", "__int32", "ansi_clear_screen", "gettimeofday_s", "log")));
        assertFalse(lib.publicFunctionNames().contains("__indent"), "private functions stay private");
        assertNull(lib.function("__indent", null));
        assertNotNull(lib.function("thread_indent", null));
    }

    @Test
    void theIndexListsEveryTapsetFile() throws Exception {
        Path dir = Path.of("..", "tapsets");
        List<String> files;
        try (var s = java.nio.file.Files.list(dir)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".stp")).sorted().toList();
        }
        List<String> index = java.nio.file.Files.readAllLines(dir.resolve("INDEX")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        assertEquals(files, index);
    }

    @Test
    void librariesAreCachedPerInputs() throws Exception {
        Diagnostics d = new Diagnostics();
        TapsetLibrary a = TapsetLoader.load(List.of(), CATALOG, d);
        assertSame(a, TapsetLoader.load(List.of(), CATALOG, d));
        assertSame(TapsetLoader.generated(CATALOG), TapsetLoader.generated(CATALOG));
        TapsetLibrary withDir = TapsetLoader.load(List.of(dir("lib")), CATALOG, d);
        assertSame(withDir, TapsetLoader.load(List.of(dir("lib")), CATALOG, d));
        assertTrue(withDir != a);
    }

    @Test
    void handWrittenAliasesReplaceSynthesisedOnes() {
        TapsetLibrary lib = TapsetLoader.load(List.of(), CATALOG, new Diagnostics());
        List<String> names = aliasNames(lib);
        assertEquals(1, names.stream().filter(n -> n.equals("syscall.openat")).count());
        assertEquals(1, names.stream().filter(n -> n.equals("nd_syscall.openat")).count());
        assertEquals(1, names.stream().filter(n -> n.equals("syscall.read")).count());
        assertEquals(1, names.stream().filter(n -> n.equals("syscall.read.return")).count());
        Decl.ProbeAlias openat = lib.aliases().stream()
                .filter(a -> a.names().stream().anyMatch(n -> TapsetLibrary.dotted(n).equals("syscall.openat")))
                .findFirst().orElseThrow();
        assertEquals("<tapset>/syscalls.stp", openat.span().source().name());
    }

    @Test
    void includeDirectoriesAddFunctionsGlobalsAndAliases() throws Exception {
        ElabOptions opts = ElabOptions.defaults().withIncludeDirs(List.of(dir("lib")));
        Pipeline.Result r = Pipeline.elaborate(List.of(new Source("t.stp",
                "probe my.tick { printf(\"%d %d %s\\n\", tick_no, twice(21), nested_hello()) }")), opts, CATALOG);
        assertEquals("", r.diagnostics().render());
        assertEquals(List.of("twice", "nested_hello"), List.copyOf(r.program().functions().keySet()));
        assertEquals(List.of("mylib_calls"), List.copyOf(r.program().globals().keySet()));
        assertTrue(r.program().globals().get("mylib_calls").fromTapset());
    }

    @Test
    void brokenTapsetsAndMissingDirectoriesAreReported() throws Exception {
        Diagnostics d = new Diagnostics();
        TapsetLoader.load(List.of(dir("broken"), Path.of("/no/such/tapsets")), CATALOG, d);
        List<Diagnostic> all = d.list();
        assertEquals(2, all.size(), d.render());
        assertEquals("semantic error: tapset directory /no/such/tapsets does not exist",
                all.get(0).kind() + ": " + all.get(0).message());
        assertEquals("parse error", all.get(1).kind());
        assertTrue(all.get(1).span().source().name().endsWith("broken/broken.stp"));
        // Reported again on the next load, which comes from the cache.
        Diagnostics again = new Diagnostics();
        TapsetLoader.load(List.of(dir("broken")), CATALOG, again);
        assertEquals(1, again.errorCount());
    }
}
