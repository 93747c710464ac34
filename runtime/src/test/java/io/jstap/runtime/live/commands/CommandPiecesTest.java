package io.jstap.runtime.live.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.complete.CommandInfo;
import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.SrcLoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument parsing, the command table, ordering and formatting, without a session. */
class CommandPiecesTest {

    private static final CommandInfo DUMP = CommandTable.standard().lookup("dump").info();

    @Test
    void argumentsSplitAtBlanksWithQuotesAndDeclaredFlags() {
        Args a = Args.parse(DUMP, " calls --top 5 --json");
        assertEquals(List.of("calls"), a.positional());
        assertEquals("5", a.flag("--top"));
        assertTrue(a.has("--json"));
        assertEquals(List.of("a b", "c\"d", "e"), Args.words("\"a b\" \"c\\\"d\" 'e'"));
        assertEquals("--top needs a value (N)", assertThrows(IllegalArgumentException.class,
                () -> Args.parse(DUMP, "x --top")).getMessage());
        assertEquals(":dump takes at most 1 argument; see :help dump", assertThrows(IllegalArgumentException.class,
                () -> Args.parse(DUMP, "x y")).getMessage());
        assertEquals("unclosed quote", assertThrows(IllegalArgumentException.class,
                () -> Args.words("\"open")).getMessage());
    }

    @Test
    void everyCommandHasHelpAndAUniqueName() {
        CommandTable t = CommandTable.standard();
        assertEquals(List.of("list", "drop", "edit", "save", "load", "reset", "history", "globals", "dump", "clear",
                "probes", "pause", "resume", "set", "show", "help", "quit"),
                t.commands().stream().map(Command::name).toList());
        for (Command c : t.commands()) {
            assertTrue(c.help().startsWith(":" + c.name()), c.name());
            assertEquals(c, t.lookup(c.name()));
        }
        assertEquals("quit", t.lookup(":q").name());
        assertEquals("resume", t.lookup("resu").name());
        assertEquals(":res is ambiguous: :reset :resume", assertThrows(IllegalArgumentException.class,
                () -> t.lookup("res")).getMessage());
    }

    @Test
    void dumpOrdersByValueOrKeyAndCuts() {
        List<MapStore.Entry> e = List.of(entry(3, 1), entry(1, 9), entry(2, 9), entry(4, 5));
        assertEquals(List.of(1L, 2L, 4L, 3L), keys(Dump.order(e, new Dump.Options(null, false, 0, false))));
        assertEquals(List.of(3L, 4L, 1L, 2L), keys(Dump.order(e, new Dump.Options("value", false, 0, false))));
        assertEquals(List.of(4L, 3L), keys(Dump.order(e, new Dump.Options("key", true, 2, false))));
        GlobalDecl g = GlobalDecl.array("x", List.of(IrType.LONG), IrType.LONG, new SrcLoc("t", 1, 1));
        assertEquals("  [1]  9\n  [2]  9\n  (2 of 4 entries)\n", Dump.text(g, e, new Dump.Options(null, false, 2, false)));
        GlobalDecl s = GlobalDecl.array("s", List.of(IrType.STRING), IrType.STRING, new SrcLoc("t", 1, 1));
        assertEquals("{\"name\":\"s\",\"type\":\"string[string]\",\"size\":1,\"entries\":[{\"key\":[\"a\\\"b\"],"
                + "\"value\":\"x\\ny\"}]}\n", Dump.json(s, "string[string]", List.of(new MapStore.Entry(List.of("a\"b"),
                "x\ny")), new Dump.Options(null, false, 0, true)));
    }

    private static MapStore.Entry entry(long k, long v) {
        return new MapStore.Entry(List.of(k), v);
    }

    private static List<Object> keys(List<MapStore.Entry> e) {
        return e.stream().map(x -> x.key().get(0)).toList();
    }

    @Test
    void savedFilesAreCreatedPrivate(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.stp");
        SnippetCommands.write(f, "global x\n");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        SnippetCommands.write(f, "global y\n");
        assertEquals("global y\n", Files.readString(f));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    }

    @Test
    void tablesAlignColumns() {
        Table t = new Table().header("name", "n").right(1).row("a", "1").row("long name", "100");
        assertEquals("  name         n\n  a            1\n  long name  100\n", t.render("  "));
    }
}
