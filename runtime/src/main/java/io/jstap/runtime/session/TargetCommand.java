package io.jstap.runtime.session;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code -c CMD} process. Like stap's staprun, it is created before the probes are attached but held
 * just before its exec until {@link #release()}, so its pid is known for {@code target()} and none of its
 * events is missed. The hold is a shell that reads a line from a private FIFO and then execs the command
 * in place (same pid): the command itself as a word list (quotes and variables expanded, as stap's
 * wordexp does), or {@code sh -c CMD} when it uses shell operators. Its stdin, stdout and stderr are
 * ours. The JVM opens the FIFO read-write first, so the shell never blocks opening it, and if the JVM
 * dies the shell reads end-of-file and exits instead of running the command.
 */
public final class TargetCommand implements AutoCloseable {

    /** Characters for which stap's wordexp gives up and runs the command through {@code sh -c}. */
    private static final String SHELL_OPERATORS = "|&;<>(){}\n";
    private static final String HOLD = "IFS= read -r go < \"$1\" || exit 126; ";

    private final String command;
    private final Path dir;
    private final RandomAccessFile gate;
    private final Process process;
    private boolean released;

    private TargetCommand(String command, Path dir, RandomAccessFile gate, Process process) {
        this.command = command;
        this.dir = dir;
        this.gate = gate;
        this.process = process;
    }

    /**
     * Checks that the command can run, then starts it held. Throws {@link IllegalArgumentException} with a
     * message for the user when the command is empty or its program cannot be found or executed.
     */
    public static TargetCommand start(String command) {
        boolean viaShell = command.chars().anyMatch(c -> SHELL_OPERATORS.indexOf(c) >= 0);
        if (!viaShell) {
            checkProgram(command);
        }
        Path dir = null;
        RandomAccessFile gate = null;
        try {
            dir = Files.createTempDirectory("jstap-cmd");
            Path fifo = dir.resolve("gate");
            Process mk = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString())
                    .redirectErrorStream(true).start();
            if (!mk.waitFor(10, TimeUnit.SECONDS) || mk.exitValue() != 0) {
                throw new IOException("mkfifo " + fifo + " failed: "
                        + new String(mk.getInputStream().readAllBytes()).strip());
            }
            gate = new RandomAccessFile(fifo.toFile(), "rw");
            String run = viaShell ? "exec /bin/sh -c \"$2\"" : "eval \"exec $2\"";
            // $0 is "sh", so the shell's own messages read "sh: 1: exec: ..." rather than naming the FIFO
            Process p = new ProcessBuilder("/bin/sh", "-c", HOLD + run, "sh", fifo.toString(), command)
                    .inheritIO().start();
            return new TargetCommand(command, dir, gate, p);
        } catch (IOException e) {
            cleanup(gate, dir);
            throw new IllegalArgumentException("cannot start -c command '" + command + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cleanup(gate, dir);
            throw new IllegalArgumentException("interrupted while starting -c command '" + command + "'", e);
        }
    }

    /** Fails like execvp would, before anything is loaded: stap's child would print this and exit. */
    private static void checkProgram(String command) {
        List<String> words = words(command);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty -c COMMAND");
        }
        String prog = words.get(0);
        if (prog.contains("$")) {
            return; // a variable: the shell expands it; let exec report it
        }
        if (prog.contains("/")) {
            Path p = Path.of(prog);
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("-c command '" + command + "': " + prog + ": No such file or directory");
            }
            if (!Files.isExecutable(p) || Files.isDirectory(p)) {
                throw new IllegalArgumentException("-c command '" + command + "': " + prog + ": Permission denied");
            }
            return;
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, prog);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return;
            }
        }
        throw new IllegalArgumentException("-c command '" + command + "': " + prog + ": command not found");
    }

    /** Shell-like words: blanks separate, quotes group, a backslash escapes (enough to find the program). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean in = false;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
                    w.append(s.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                in = true;
            } else if (c == '\\' && i + 1 < s.length()) {
                w.append(s.charAt(++i));
                in = true;
            } else if (Character.isWhitespace(c)) {
                if (in) {
                    out.add(w.toString());
                    w.setLength(0);
                    in = false;
                }
            } else {
                w.append(c);
                in = true;
            }
        }
        if (in) {
            out.add(w.toString());
        }
        return out;
    }

    /** The pid the command runs under ({@code target()}). */
    public long pid() {
        return process.pid();
    }

    public String command() {
        return command;
    }

    /** Lets the held command exec; call once the probes are attached. */
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            gate.write("go\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the shell is gone already; its exit reports it
        }
    }

    public synchronized boolean released() {
        return released;
    }

    /** Completes when the command (or its holding shell) exits. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The exit status ({@code 128 + n} for signal n, as Java reports it); only once it has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /**
     * A command never released is killed (it never ran). A released one is left to run, as stap does when
     * a script ends before its command. The FIFO goes either way.
     */
    @Override
    public synchronized void close() {
        if (released) {
            awaitExec();
        } else {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cleanup(gate, dir);
    }

    /**
     * Waits (briefly) until the holding shell has read the go-ahead and exec'd, seen as its command line
     * changing: closing the FIFO before the shell opened it would leave the shell blocked on the open.
     */
    private void awaitExec() {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                if (!new String(Files.readAllBytes(cmdline), java.nio.charset.StandardCharsets.UTF_8)
                        .contains("read -r go")) {
                    return;
                }
                Thread.sleep(1);
            } catch (IOException e) {
                return; // gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void cleanup(RandomAccessFile gate, Path dir) {
        try {
            if (gate != null) {
                gate.close();
            }
        } catch (IOException e) {
            // nothing to do: the fd is released either way
        }
        if (dir != null) {
            try {
                Files.deleteIfExists(dir.resolve("gate"));
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }
}
