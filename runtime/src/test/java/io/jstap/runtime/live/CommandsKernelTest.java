package io.jstap.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.runtime.live.commands.CommandResult;
import io.jstap.runtime.live.commands.CommandTable;
import io.jstap.runtime.live.commands.Editor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code :commands} on a live session, without a terminal. */
class CommandsKernelTest extends LiveKernelTest {

    private final CommandTable commands = CommandTable.standard();
    private final int pid = tgid();
    private Editor editor;

    private CommandResult run(String line) {
        return commands.execute(session, editor, line);
    }

    private String cmd(String line) {
        CommandResult r = run(line);
        assertNull(r.error(), () -> line + ": " + r.error());
        r.events().forEach(e -> assertFalse(e.failed(), () -> line + ": " + describe(e)));
        return r.text();
    }

    @Test
    void commandsMayBeShortenedWhileUnambiguous() {
        assertTrue(cmd(":hel").contains(":dump NAME"));
        assertEquals("unknown command :frob (:help lists them)", run(":frob").error());
        assertEquals(":d is ambiguous: :drop :dump", run(":d").error());
        assertTrue(cmd(":help du").startsWith(":dump NAME [--sort key|value] [--desc] [--top N] [--json]\n"));
        assertEquals(":dump has no flag --bogus", run(":dump x --bogus").error());
    }

    @Test
    void dumpSortsCutsAndFormatsArrays() {
        ok("global a");
        ok("a[1] = 5; a[2] = 7; a[3] = 1; a[4] = 7");
        assertEquals("  [2]  7\n  [4]  7\n  [1]  5\n  [3]  1\n", cmd(":dump a"));
        assertEquals("  [2]  7\n  [4]  7\n  (2 of 4 entries)\n", cmd(":dump a --top 2"));
        assertEquals("  [1]  5\n  [2]  7\n  [3]  1\n  [4]  7\n", cmd(":dump a --sort key"));
        assertEquals("  [4]  7\n  [3]  1\n  (2 of 4 entries)\n", cmd(":dump a --sort key --desc --top 2"));
        assertEquals("  [3]  1\n  [1]  5\n  [2]  7\n  [4]  7\n", cmd(":dump a --sort value"));
        assertEquals("--top takes a positive number, not x", run(":dump a --top x").error());
        assertEquals("no global b (:globals lists them)", run(":dump b").error());
        assertEquals("cleared a\n", cmd(":clear a"));
        assertEquals("  a is empty\n", cmd(":dump a"));
    }

    @Test
    void dumpShowsStatisticsWithTheirHistogram() {
        ok("global s");
        ok("probe never { print(@hist_linear(s, 0, 30, 10)) }");
        ok("s <<< 1; s <<< 12; s <<< 14");
        assertEquals("    count  sum  min  max  avg\n"
                + "        3   27    1   14    9\n"
                + "  value |-------------------------------------------------- count\n"
                + "      0 |@                                                  1\n"
                + "     10 |@@                                                 2\n"
                + "     20 |                                                   0\n"
                + "     30 |                                                   0\n", cmd(":dump s"));
        assertEquals("{\"name\":\"s\",\"type\":\"stats\",\"value\":{\"count\":3,\"sum\":27,\"min\":1,\"max\":14,"
                + "\"avg\":9,\"histogram\":[{\"from\":0,\"count\":1},{\"from\":10,\"count\":2}]}}\n",
                cmd(":dump s --json"));
    }

    @Test
    void globalsAndProbesListWhatRuns() {
        ok("global calls, names, unused");
        ok("probe syscall.getppid { if (pid() == " + pid + ") calls[pid()]++ }");
        ok("names[\"x\"] = \"y\"");
        getppid(12);
        assertEquals("  name    type            entries  storage      snippet\n"
                + "  calls   long[long]            1  PERCPU_HASH  #1\n"
                + "  names   string[string]        1  memory       #2\n"
                + "  unused  ?                     -  unused       #3\n", cmd(":globals"));
        String probes = cmd(":probes");
        assertTrue(probes.matches("      probe +points +attached +hits +errors +per s\n"
                + "  #4  syscall.getppid +1 +1 +(\\d+|\\?) +0 +([0-9.]+|-)\n"), probes);
        ProbeView p = session.probes().get(0);
        assertEquals(1, p.attachments());
        assertTrue(p.hits() >= 12 || p.hits() == -1, "hits " + p.hits());
    }

    @Test
    void pauseDetachesEverythingAndResumeAttachesAgain() {
        ok("global calls");
        ok("probe syscall.getppid { if (pid() == " + pid + ") calls++ }");
        getppid(5);
        assertEquals("paused: every probe is detached\n", cmd(":pause"));
        assertEquals(0, session.probes().get(0).attachments());
        assertEquals(0, KernelObjects.attachmentFds() + rawTracepointFds());
        getppid(50);
        ok("global other");
        ok("probe syscall.getppid { if (pid() == " + pid + ") other++ }");
        getppid(50);
        assertEquals("5", value("calls"));
        assertEquals("resumed\n", cmd(":resume"));
        getppid(3);
        assertEquals("8", value("calls"));
        assertEquals("3", value("other"));
    }

    private static long rawTracepointFds() {
        return io.jstap.runtime.session.KernelFds.ofSelf().stream().filter(f -> f.endsWith("bpf-link")).count();
    }

    @Test
    void editReplacesASnippetInOneReload() {
        ok("global calls, doubled");
        ok("probe syscall.getppid { if (pid() == " + pid + ") calls++ }");
        getppid(4);
        editor = text -> text.replace("calls++", "{ calls++; doubled += 2 }");
        List<?> events = run(":edit 3").events();
        assertEquals(2, events.size());
        assertEquals(Snippet.Status.DROPPED, session.status(session.allSnippets().get(2)));
        getppid(3);
        assertEquals("7", value("calls"));
        assertEquals("6", value("doubled"));
        editor = text -> text;
        assertEquals("#4 unchanged\n", cmd(":edit 4"));
    }

    @Test
    void aRedeclaredGlobalReplacesTheOldOne() {
        ok("global calls");
        ok("probe syscall.getppid { if (pid() == " + pid + ") calls[pid()]++ }");
        getppid(2);
        List<SnippetEvent> e = ok("global calls[100]");
        assertEquals(Snippet.Status.VALID, e.get(0).status());
        assertEquals(List.of("replaced global calls (#1)", "global calls changed shape: its values were dropped"),
                e.get(0).notices());
        assertEquals(Snippet.Status.OVERWRITTEN, e.get(1).status());
        getppid(1);
        assertEquals("1", value("calls[" + pid + "]"));
        assertEquals("  #3  global  global calls[100]\n  #2  probe   probe syscall.getppid { if (pid() == " + pid
                + ") calls[pid()]++ }\n", cmd(":list"));
    }

    @Test
    void settingsChangeLimitsAndAreListed() {
        ok("global s");
        ok("s = \"abcdefghij\"");
        assertEquals("MAXSTRINGLEN = 6\n", cmd(":set MAXSTRINGLEN 6"));
        assertEquals("\"abcde\"", value("s").isEmpty() ? "" : "\"" + value("s") + "\"");
        assertTrue(cmd(":show").contains("  MAXSTRINGLEN   6"));
        assertEquals("colour is on or off, not 'blue'", run(":set colour blue").error());
        assertEquals("no setting nope; :show lists them", run(":set nope 1").error());
    }

    @Test
    void probeOutputCanGoToAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("out.txt");
        assertEquals("output = " + file + "\nprobe output is appended to " + file + "\n", cmd(":set output " + file));
        ok("printf(\"to the file\\n\")");
        assertEquals("output = terminal\nprobe output goes to the terminal\n", cmd(":set output terminal"));
        ok("printf(\"to the terminal\\n\")");
        assertEquals("to the file\n", java.nio.file.Files.readString(file));
        assertEquals("to the terminal\n", out.text());
        assertEquals("cannot write to " + dir + "/no/such/f: No such file or directory",
                run(":set output " + dir + "/no/such/f").error());
    }

    @Test
    void historyListsEveryInput() {
        ok("1 + 1");
        ok("global x");
        session.eval("probe nosuch.point {}");
        assertEquals("   1  1 + 1\n   2  global x\n   3  probe nosuch.point {}\n", cmd(":history"));
    }
}
