package io.jstap.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.runtime.kernel.Attachment;
import io.jstap.runtime.live.commands.CommandResult;
import io.jstap.runtime.live.commands.CommandTable;
import io.jstap.runtime.session.KernelFds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live session against the running kernel: counting, reloads, drops, save/load and the end. */
class LiveSessionKernelTest extends LiveKernelTest {

    private final CommandTable commands = CommandTable.standard();
    private final int pid = tgid();

    private String cmd(String line) {
        CommandResult r = commands.execute(session, null, line);
        assertNull(r.error(), () -> line + ": " + r.error());
        for (SnippetEvent e : r.events()) {
            assertFalse(e.failed(), () -> line + ": " + describe(e));
        }
        return r.text();
    }

    private String countingProbe(String global) {
        return "probe syscall.getppid { if (pid() == " + pid + ") " + global + "[pid()]++ }";
    }

    private List<Integer> fdsOf(int snippet) {
        List<Integer> fds = new java.util.ArrayList<>();
        for (LiveProbe p : session.engine().probesOf(snippet)) {
            for (Attachment a : p.attachments()) {
                fds.addAll(a.linkFds());
                fds.addAll(a.perfFds());
            }
        }
        return fds;
    }

    @Test
    void aProbeCountsEverySyscallOfTheWorkloadAndDumpShowsTheExactCount() {
        ok("global calls");
        List<SnippetEvent> e = ok(countingProbe("calls"));
        assertEquals(List.of("probe #2 attached to 1 point"), List.of(e.get(0).notices().get(0).replaceAll(" \\(.*", "")));
        getppid(250);
        assertEquals("  [" + pid + "]  250\n", cmd(":dump calls"));
        assertEquals("250", value("calls[" + pid + "]"));
        assertEquals("{\"name\":\"calls\",\"type\":\"long[long]\",\"size\":1,\"entries\":[{\"key\":[" + pid
                + "],\"value\":250}]}\n", cmd(":dump calls --json"));
    }

    @Test
    void addingAProbeLeavesTheFirstOneAttachedAndItsCountsGoingOn() {
        ok("global calls");
        ok(countingProbe("calls"));
        getppid(100);
        List<Integer> before = fdsOf(2);
        ok("global second");
        ok(countingProbe("second"));
        assertEquals(before, fdsOf(2), "the unchanged probe was reattached");
        getppid(50);
        assertEquals("150", value("calls[" + pid + "]"));
        assertEquals("50", value("second[" + pid + "]"));
    }

    @Test
    void aBrokenEditIsRejectedWhileTheRunningProbesKeepCounting() {
        ok("global calls");
        ok(countingProbe("calls"));
        getppid(40);
        Snippet probe = session.findOne("#2");
        List<SnippetEvent> edit = session.replace(probe, "probe syscall.getppid { calls[pid()] += no_such_function() }");
        assertEquals(1, edit.size());
        assertTrue(edit.get(0).rejected());
        assertEquals("#3", edit.get(0).diagnostics().get(0).span().source().name());
        assertTrue(edit.get(0).diagnostics().get(0).message().contains("no_such_function"),
                edit.get(0).diagnostics().get(0).message());
        List<SnippetEvent> parse = session.eval("probe syscall.getppid { calls[pid()]++ ");
        assertTrue(parse.get(0).rejected());
        assertEquals(List.of(probe), session.snippets().stream().filter(s -> s.kind() == Snippet.Kind.PROBE).toList());
        assertEquals(Snippet.Status.VALID, session.status(probe));
        getppid(60);
        assertEquals("100", value("calls[" + pid + "]"));
    }

    @Test
    void dropDetachesTheProbeAndUnloadsItsProgram() throws Exception {
        ok("global calls, other");
        ok(countingProbe("calls"));
        ok("probe kernel.trace(\"syscalls:sys_enter_getppid\") { if (pid() == " + pid + ") other++ }");
        getppid(10);
        TreeMap<Integer, Integer> progsBefore = KernelObjects.programFds();
        long attachBefore = KernelObjects.attachmentFds();
        int dropped = session.engine().probesOf(4).get(0).program().id();
        List<Integer> droppedFds = fdsOf(4);
        assertFalse(droppedFds.isEmpty());
        String text = commands.execute(session, null, ":drop 4").events().get(0).notices().get(0);
        assertEquals("probe #4 detached", text);
        TreeMap<Integer, Integer> progsAfter = KernelObjects.programFds();
        assertEquals(progsBefore.size() - 1, progsAfter.size());
        assertFalse(progsAfter.containsValue(dropped));
        assertEquals(Set.of(), KernelObjects.stillLoaded(Set.of(dropped)));
        assertEquals(attachBefore - droppedFds.size(), KernelObjects.attachmentFds());
        getppid(5);
        assertEquals("15", value("calls[" + pid + "]"));
        assertEquals("10", value("other"));
    }

    @Test
    void saveResetAndLoadRestoreTheSameModule(@TempDir Path dir) throws Exception {
        ok("global calls");
        ok("@define ME %( " + pid + " %)");
        ok("function one() { return 1 }");
        ok("probe syscall.getppid { if (pid() == @ME) calls[pid()] += one() }");
        ok("probe end { printf(\"end %d\\n\", calls[@ME]) }");
        Path file = dir.resolve("session.stp");
        assertEquals("saved 5 snippets to " + file + "\n", cmd(":save " + file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String script = session.script();
        assertEquals(script, Files.readString(file));
        List<String> signatures = signatures();
        cmd(":reset");
        assertEquals(List.of(), session.snippets());
        assertEquals(List.of(), KernelFds.ofSelf().stream().filter(f -> !f.endsWith("bpf-stats")).toList());
        CommandResult missing = commands.execute(session, null, ":load " + dir.resolve("missing.stp"));
        assertEquals("cannot read " + dir.resolve("missing.stp") + ": No such file or directory", missing.error());
        assertEquals(List.of(), session.snippets());
        cmd(":load " + file);
        assertEquals(script, session.script());
        assertEquals(signatures, signatures());
        getppid(7);
        assertEquals("7", value("calls[" + pid + "]"));
    }

    private List<String> signatures() {
        return session.engine().generation().kernel().probes().stream().map(LiveProbe::signature).toList();
    }

    @Test
    void quitRunsEndProbesOnceShowsUnreadGlobalsAndLeavesNothingLoaded() throws Exception {
        ok("global calls, seen");
        ok("probe syscall.getppid { if (pid() == " + pid + ") { calls[pid()]++; seen++ } }");
        ok("probe end { printf(\"total %d\\n\", calls[" + pid + "]) }");
        getppid(30);
        Set<Integer> ours = new HashSet<>(KernelObjects.programFds().values());
        CommandResult r = commands.execute(session, null, ":quit");
        assertTrue(r.quit());
        assertEquals("total 30\nseen=0x1e\n", out.text());
        assertEquals(List.of(), KernelFds.ofSelf());
        assertEquals(Set.of(), KernelObjects.stillLoaded(ours));
        session.close();
        assertEquals("total 30\nseen=0x1e\n", out.text(), "end probes ran twice");
    }

    @Test
    void unchangedProbesKeepTheirLinkAndPerfFdsAcrossReloads() {
        ok("global a, b");
        ok("probe kernel.trace(\"syscalls:sys_enter_getppid\") { if (pid() == " + pid + ") a++ }");
        List<Integer> fds = fdsOf(3);
        LiveProbe first = session.engine().probesOf(3).get(0);
        int progFd = first.program().fd();
        ok("probe syscall.getppid { if (pid() == " + pid + ") b++ }");
        ok("function unrelated() { return 2 }");
        ok("global b");
        assertEquals(fds, fdsOf(3));
        assertEquals(progFd, session.engine().probesOf(3).get(0).program().fd());
        assertSame(first.attachments().get(0), session.engine().probesOf(3).get(0).attachments().get(0));
        assertNotEquals(fds, fdsOf(4));
        getppid(3);
        assertEquals("3", value("a"));
        assertEquals("3", value("b"));
    }
}
