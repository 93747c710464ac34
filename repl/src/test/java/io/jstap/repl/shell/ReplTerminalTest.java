package io.jstap.repl.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import io.jstap.runtime.catalog.MachineProbeCatalog;
import io.jstap.runtime.live.FacadeCompiler;
import io.jstap.runtime.live.LiveOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real REPL on a terminal fed through a pipe: declarations load and attach, a continuation line is
 * asked for, Tab completes {@code :dump sy} to the global, the dump shows the exact count of the syscalls
 * the test made, and Ctrl-D runs the end probe and leaves.
 */
@Tag("kernel")
class ReplTerminalTest {

    /** libc's getppid, the test's deterministic workload. */
    static final class Libc {
        static {
            Native.register(Libc.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
        }

        private Libc() {
        }

        static native int getppid();

        static native int prctl(int option, byte[] arg2, long arg3, long arg4, long arg5);
    }

    private static final int PR_SET_NAME = 15;
    private static final int PR_GET_NAME = 16;
    /** Generous: attaching to every syscall tracepoint takes seconds on a loaded machine; waits end early. */
    private static final long WAIT_SECONDS = 180;

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private PipedOutputStream keys;
    private CompletableFuture<Integer> running;

    private synchronized String screen() {
        synchronized (screen) {
            // without the terminal's control sequences (colours, cursor moves)
            return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "")
                    .replaceAll("\u001b[()][A-Z0-9]", "").replaceAll("\u001b[=>]", "").replace("\r", "");
        }
    }

    private void type(String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits until the screen shows {@code text} {@code times} times. */
    private void await(String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (count(screen(), text) < times) {
            assertTrue(System.nanoTime() < deadline, () -> "waiting for '" + text + "' x" + times + ":\n" + screen());
            Thread.sleep(20);
        }
    }

    private static int count(String s, String text) {
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aShortSessionAtTheTerminal(@TempDir Path home) throws Exception {
        Path history = Repl.historyFile(home.resolve(".jstap_history"), new PrintWriter(new StringWriter()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        int pid = (int) ProcessHandle.current().pid();
        CompletableFuture<Integer> status;
        try (Terminal terminal = terminal()) {
            status = start(terminal, history);
            await("stap> ", 1);
            type("global syscalllist\n");
            await("stap> ", 2);
            type("probe syscall.getppid {\n");
            await(Repl.CONTINUATION, 1);
            type("  if (pid() == " + pid + ") syscalllist[pid()]++\n}\n");
            await("probe #2 attached to 1 point", 1);
            await("stap> ", 3);
            for (int i = 0; i < 17; i++) {
                Libc.getppid();
            }
            type("probe end { printf(\"bye %d\\n\", syscalllist[" + pid + "]) }\n");
            await("stap> ", 4);
            type(":dump sy\t");
            await(":dump syscalllist", 1);
            type("\n");
            await("  [" + pid + "]  17\n", 1);
            await("stap> ", 5);
            type("syscalllist[" + pid + "] * 2\n");
            await("34\n", 1);
            type("\u0004");
            assertEquals(0, status.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertTrue(screen().contains("bye 17\n"), screen());
        assertEquals(1, count(screen(), "bye 17"));
        assertTrue(repl(history).contains("syscalllist[" + pid + "] * 2"), repl(history));
        assertEquals(List.of(), kernelFds(), "the REPL left kernel objects open");
    }

    /**
     * The issue's session: a global counted by every syscall, a workload of exactly known syscalls, a second
     * probe, a broken change, a drop, save/reset/load, completion and the end.
     */
    @Test
    void theLiveSessionOfTheIssue(@TempDir Path home) throws Exception {
        Path history = Repl.historyFile(home.resolve(".jstap_history"), new PrintWriter(new StringWriter()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        int pid = (int) ProcessHandle.current().pid();
        String comm = "jw" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String row = "[" + pid + ", \"" + comm + "\"]";
        try (Terminal terminal = terminal()) {
            CompletableFuture<Integer> status = start(terminal, history);
            await("stap> ", 1);
            // every process of a busy machine gets a row: room for them, through a setting
            type(":set MAXMAPENTRIES 100000\n");
            await("stap> ", 2);
            type("global syscalllist\n");
            await("stap> ", 3);
            type("probe syscall.* { syscalllist[pid(), execname()]++ }\n");
            await("probe #2 attached to", 1);
            await("stap> ", 4);
            Set<Integer> first = progIds();
            assertTrue(first.size() > 0, "no program loaded");
            workload(comm, 17);
            type(":dump syscalllist\n");
            awaitRow(row, 18, 1);
            await("stap> ", 5);

            type("global extra\n");
            await("stap> ", 6);
            type("probe syscall.getppid { extra[pid()]++ }\n");
            await("probe #4 attached to 1 point", 1);
            await("stap> ", 7);
            Set<Integer> withSecond = progIds();
            assertTrue(withSecond.containsAll(first), "the first probe was reloaded: " + first + " " + withSecond);
            assertEquals(first.size() + 1, withSecond.size(), withSecond.toString());
            workload(comm, 17);
            type(":dump syscalllist\n");
            awaitRow(row, 36, 2);
            await("stap> ", 8);
            type("extra[" + pid + "]\n");
            await("\n17\n", 1);
            await("stap> ", 9);

            // a change the compiler refuses: the diagnostic, and both probes still counting
            type("probe syscall.getppid { extra[pid()] = \"text\" }\n");
            await("semantic error", 1);
            await("stap> ", 10);
            assertEquals(withSecond, progIds(), "a failed change touched the loaded programs");
            workload(comm, 17);
            type(":dump syscalllist\n");
            awaitRow(row, 54, 3);
            await("stap> ", 11);
            type("extra[" + pid + "]\n");
            await("\n34\n", 1);
            await("stap> ", 12);

            type(":drop 4\n");
            await("stap> ", 13);
            assertEquals(first, progIds(), "drop did not leave exactly the first probe's programs");
            workload(comm, 17);
            type(":dump syscalllist\n");
            awaitRow(row, 72, 4);
            await("stap> ", 14);

            Path saved = home.resolve("saved.stp");
            Path again = home.resolve("again.stp");
            type(":save " + saved + "\n");
            await("stap> ", 15);
            type(":reset\n");
            await("stap> ", 16);
            assertEquals(Set.of(), progIds(), ":reset left programs loaded");
            type(":load " + saved + "\n");
            await("stap> ", 17);
            type(":save " + again + "\n");
            await("stap> ", 18);
            assertEquals(Files.readString(saved), Files.readString(again));
            assertTrue(Files.readString(saved).contains("probe syscall.* { syscalllist[pid(), execname()]++ }"),
                    Files.readString(saved));
            assertEquals(first.size(), progIds().size(), "the loaded module differs from the saved one");

            type("probe end { printf(\"bye %d\\n\", 7) }\n");
            await("stap> ", 19);
            type(":dump sy\t");
            await(":dump syscalllist", 1);
            type("\u0015"); // Ctrl-U: clear the line
            complete("probe syscall.ope", "open_by_handle_at");
            complete("probe kernel.trace(\"sched:", "sched_wakeup");
            complete("probe process(\"/bin/tru", "truncate");
            complete("probe process(\"" + libc() + "\").function(\"getpp", "getppid\")");
            complete("probe syscall.openat { print($filen", "$filename");
            complete("probe begin { print(syscallli", "print(syscalllist");
            type(":quit\n");
            assertEquals(0, status.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        assertEquals(1, count(screen(), "bye 7"), screen());
        assertEquals(Set.of(), progIds(), "programs stayed loaded after :quit");
        assertEquals(List.of(), kernelFds(), "the REPL left kernel objects open");
    }

    /**
     * Exactly {@code n} getppid calls and one prctl under the thread name {@code comm}: the name is set by a
     * prctl whose entry still has the old name and restored by one whose entry has the new one.
     */
    private static void workload(String comm, int n) {
        byte[] old = new byte[16];
        Libc.prctl(PR_GET_NAME, old, 0, 0, 0);
        byte[] name = java.util.Arrays.copyOf(comm.getBytes(StandardCharsets.US_ASCII), 16);
        Libc.prctl(PR_SET_NAME, name, 0, 0, 0);
        for (int i = 0; i < n; i++) {
            Libc.getppid();
        }
        Libc.prctl(PR_SET_NAME, old, 0, 0, 0);
    }

    /** Waits for the {@code times}-th dump row {@code key} and checks that it reads {@code value}. */
    private void awaitRow(String key, long value, int times) throws InterruptedException {
        await(key, times);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(key)
                + " +(\\d+)\n").matcher(screen());
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        assertEquals(value, last, screen());
    }

    /** Types {@code line} and Tab, waits for {@code expected} to appear once more, clears the line. */
    private void complete(String line, String expected) throws Exception {
        int before = count(screen(), expected);
        type(line + "\t\t");
        await(expected, before + 1);
        type("\u0015");
    }

    /** The C library this process maps, a binary with known function symbols. */
    private static String libc() throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int at = l.indexOf('/');
            if (at > 0 && l.contains("/libc.so")) {
                return l.substring(at).strip();
            }
        }
        throw new IllegalStateException("no C library mapped");
    }

    /** Ids of the BPF programs this process holds open. */
    private static Set<Integer> progIds() throws IOException {
        Set<Integer> ids = new java.util.TreeSet<>();
        try (java.nio.file.DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fdinfo"))) {
            for (Path fd : fds) {
                try {
                    for (String line : Files.readAllLines(fd)) {
                        if (line.startsWith("prog_id:")) {
                            ids.add(Integer.parseInt(line.substring(8).strip()));
                        }
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        }
        return ids;
    }

    private Terminal terminal() throws IOException {
        keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        java.io.OutputStream out = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                synchronized (screen) {
                    screen.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (screen) {
                    screen.write(b, off, len);
                }
            }
        };
        return TerminalBuilder.builder().system(false).streams(in, out).type("xterm").size(new Size(160, 50))
                .encoding(StandardCharsets.UTF_8).build();
    }

    /** A test that failed half-way leaves its REPL running: end it, so the next test starts clean. */
    @AfterEach
    void endTheRepl() throws Exception {
        if (running != null && !running.isDone()) {
            type("\u0015:quit\n");
            running.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private CompletableFuture<Integer> start(Terminal terminal, Path history) {
        MachineProbeCatalog catalog = new MachineProbeCatalog();
        FacadeCompiler compiler = new FacadeCompiler(FacadeCompiler.optionsFor(catalog), catalog);
        Repl repl = new Repl(terminal, compiler, catalog, LiveOptions.defaults(), history, List.of());
        running = CompletableFuture.supplyAsync(() -> repl.loop(null));
        return running;
    }

    /** BPF and perf event fds of this process. */
    private static List<String> kernelFds() throws IOException {
        List<String> out = new java.util.ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String t = Files.readSymbolicLink(fd).toString();
                    if (t.startsWith("anon_inode:bpf") || t.equals("anon_inode:[perf_event]")) {
                        out.add(fd.getFileName() + " -> " + t);
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            }
        }
        return out;
    }

    private static String repl(Path history) throws IOException {
        return Files.readString(history);
    }
}
