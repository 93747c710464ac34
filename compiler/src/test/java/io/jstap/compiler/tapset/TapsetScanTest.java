package io.jstap.compiler.tapset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.ast.Script;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.parse.ParseResult;
import io.jstap.compiler.parse.Parser;
import io.jstap.compiler.parse.PreprocessorContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TapsetScanTest {

    private static TapsetScan.Names scan(String text) {
        return TapsetScan.scan(text);
    }

    /** What a real parse says the text declares, in the scan's form. */
    private static TapsetScan.Names parsed(String name, String text) {
        ParseResult r = Parser.parse(new Source(name, text), PreprocessorContext.defaults());
        assertFalse(r.diagnostics().hasErrors(), () -> r.diagnostics().render());
        Set<String> functions = new TreeSet<>();
        Set<String> globals = new TreeSet<>();
        Set<String> aliases = new TreeSet<>();
        Script s = r.script();
        for (Decl d : s.decls()) {
            if (d instanceof Decl.Function f) {
                functions.add(f.name());
            } else if (d instanceof Decl.Global g) {
                g.vars().forEach(v -> globals.add(v.name()));
            } else if (d instanceof Decl.ProbeAlias a) {
                for (ProbePoint p : a.names()) {
                    aliases.add(TapsetLibrary.dotted(p));
                }
            }
        }
        return new TapsetScan.Names(functions, globals, aliases, false);
    }

    private static void assertSameNames(TapsetScan.Names want, TapsetScan.Names got, String what) {
        assertFalse(got.opaque(), what);
        assertEquals(new TreeSet<>(want.functions()), new TreeSet<>(got.functions()), what + " functions");
        assertEquals(new TreeSet<>(want.globals()), new TreeSet<>(got.globals()), what + " globals");
        assertEquals(new TreeSet<>(want.aliases()), new TreeSet<>(got.aliases()), what + " aliases");
    }

    @Test
    void everyShippedFileScansToWhatItsParseDeclares() throws Exception {
        Path dir = Path.of("..", "tapsets");
        List<String> index = Files.readAllLines(dir.resolve("INDEX")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertFalse(index.isEmpty());
        for (String name : index) {
            String text = Files.readString(dir.resolve(name));
            TapsetScan.Names got = scan(text);
            if (!got.opaque()) {
                assertSameNames(parsed(name, text), got, name);
            }
        }
    }

    @Test
    void declarationsOfEveryShape() {
        String text = """
                # comment with function fake() {
                // another: global fake2
                /* block: probe fake3 = begin { } */
                private global __depth, counts[100], lim = 5, s = "x, y"
                global t
                function f:long(x:long) { if (x > 0) { return "}" } return 1 }
                probe vfs.read = syscall.read, syscall.pread? { n = $fd }
                probe a.b = c.d = kernel.trace("x:y") { }
                probe e.f += kernel.trace("x:z") { }
                probe begin { printf("%d\\n", 1 % 2) }
                probe timer.ms(100) if (t == 1) { }
                """;
        assertSameNames(parsed("t.stp", text), scan(text), "sample");
        assertEquals(Set.of("vfs.read", "a.b", "c.d", "e.f"), scan(text).aliases());
        assertEquals(Set.of("__depth", "counts", "lim", "s", "t"), scan(text).globals());
    }

    @Test
    void whatTheScanCannotFollowIsOpaque() {
        assertTrue(scan("%( kernel_v >= \"5.0\" %? function f() { } %)").opaque());
        assertTrue(scan("@define twice(x) %( 2 * @x %)\nfunction f() { }").opaque());
        assertTrue(scan("function f() { return \"unterminated }").opaque());
        assertTrue(scan("function f() { /* unterminated }").opaque());
        assertTrue(scan("function f() { if (1) { }").opaque());
        assertTrue(scan("x = 1").opaque());
        assertFalse(scan("function f() { return @defined($x) ? 1 : 0 }").opaque());
        // embedded C, which the parser refuses, still scans as one token
        assertEquals(Set.of("g"), scan("function g() %{ /* } { */ %}\n%{ #include <x.h> %}").functions());
    }
}
