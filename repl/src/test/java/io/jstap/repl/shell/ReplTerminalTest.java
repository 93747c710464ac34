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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;
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
    }

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private PipedOutputStream keys;

    private synchronized String screen() {
        synchronized (screen) {
            // without the terminal's control sequences (colours, cursor moves)
            return screen.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "")
                    .replaceAll("\u001b[()][A-Z0-9]", "").replace("\r", "");
        }
    }

    private void type(String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    /** Waits until the screen shows {@code text} {@code times} times. */
    private void await(String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
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
        Path history = Repl.historyFile(home.resolve(".jstap_history"), new PrintWriter(new StringWriter()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        MachineProbeCatalog catalog = new MachineProbeCatalog();
        FacadeCompiler compiler = new FacadeCompiler(FacadeCompiler.optionsFor(catalog), catalog);
        int pid = (int) ProcessHandle.current().pid();
        CompletableFuture<Integer> status;
        try (Terminal terminal = TerminalBuilder.builder().system(false).streams(in, out).type("xterm")
                .size(new Size(160, 50)).encoding(StandardCharsets.UTF_8).build()) {
            Repl repl = new Repl(terminal, compiler, catalog, LiveOptions.defaults(), history, List.of());
            status = CompletableFuture.supplyAsync(() -> repl.loop(null));
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
            assertEquals(0, status.get(30, TimeUnit.SECONDS));
        }
        assertTrue(screen().contains("bye 17\n"), screen());
        assertEquals(1, count(screen(), "bye 17"));
        assertTrue(repl(history).contains("syscalllist[" + pid + "] * 2"), repl(history));
        assertEquals(List.of(), kernelFds(), "the REPL left kernel objects open");
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
