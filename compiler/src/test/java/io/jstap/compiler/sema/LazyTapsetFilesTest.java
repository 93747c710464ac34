package io.jstap.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.parse.Parser;
import io.jstap.compiler.parse.PreprocessorContext;
import io.jstap.compiler.tapset.TapsetFile;
import io.jstap.compiler.tapset.TapsetLibrary;
import io.jstap.compiler.tapset.TapsetLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Elaboration parses a shipped tapset file only when the script needs something it declares. */
class LazyTapsetFilesTest {

    /** A library of lazily parsed copies of the shipped files. */
    private static List<TapsetFile> files() throws Exception {
        Path dir = Path.of("..", "tapsets");
        List<TapsetFile> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("INDEX"))) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Source src = new Source("<tapset>/" + name, Files.readString(dir.resolve(name)));
            out.add(TapsetFile.scanned(src.text(), () -> Parser.parse(src, PreprocessorContext.defaults()).script()));
        }
        return out;
    }

    /** The shipped files (by name) that elaborating {@code text} parsed. */
    private static List<String> parsedBy(String text) throws Exception {
        List<TapsetFile> files = files();
        TapsetLibrary lib = TapsetLibrary.of(files, () -> TapsetLoader.generated(Elab.CATALOG));
        ElabResult r = Elaborator.elaborate(List.of(Elab.parse("test.stp", text)), ElabOptions.defaults(),
                Elab.CATALOG, lib);
        assertFalse(r.diagnostics().hasErrors(), () -> r.diagnostics().render());
        TreeSet<String> out = new TreeSet<>();
        for (TapsetFile f : files) {
            if (f.isParsed()) {
                out.add(f.script().span().source().name().replace("<tapset>/", ""));
            }
        }
        return List.copyOf(out);
    }

    @Test
    void aScriptUsingNoTapsetParsesNone() throws Exception {
        assertEquals(List.of(), parsedBy("probe begin { printf(\"hello\\n\"); exit() }"));
        assertEquals(List.of(), parsedBy("global c probe timer.ms(10) { c[execname()]++ }"));
    }

    @Test
    void onlyTheFilesDeclaringWhatIsUsedAreParsed() throws Exception {
        assertEquals(List.of("indent.stp", "timestamp.stp"),
                parsedBy("probe begin { printf(\"%s\\n\", thread_indent(1)) }"));
        assertEquals(List.of("errno.stp"), parsedBy("probe begin { println(errno_str(2)) }"));
    }

    @Test
    void aliasFilesAreParsedForPointsUnderTheirRoots() throws Exception {
        List<String> parsed = parsedBy("probe vfs.read { println(1) }");
        assertEquals(true, parsed.contains("vfs.stp") && parsed.contains("syscalls.stp"), parsed.toString());
        assertFalse(parsed.contains("ansi.stp"));
    }

    @Test
    void theShippedLibraryAnswersAsAFullyParsedOne() {
        TapsetLibrary lazy = TapsetLoader.load(List.of(), Elab.CATALOG, new Diagnostics());
        TapsetLibrary eager = new TapsetLibrary(lazy.scripts(), TapsetLoader.generated(Elab.CATALOG));
        assertEquals(eager.publicFunctionNames(), lazy.publicFunctionNames());
        assertEquals(eager.writtenAliasNames(), lazy.writtenAliasNames());
        assertEquals(eager.aliases().size(), lazy.aliases().size());
    }
}
