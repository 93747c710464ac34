package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a child JVM started as scripts/jstap starts it ({@code io.jstap.repl.Main} on the
 * test class path, SIGINT back to its default so a background child can be interrupted), with stdout and
 * stderr in files, so tests can signal it, read its /proc entries and see exactly what the process printed.
 */
final class ChildCli implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildCli(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static ChildCli start(Path dir, List<String> args) {
        return start(dir, args, null);
    }

    /** Starts {@code jstap args} with its files in {@code dir}; {@code stdin} (or nothing) as standard input. */
    static ChildCli start(Path dir, List<String> args, Path stdin) {
        return start(dir, List.of(), System.getProperty("java.class.path"), args,
                ProcessBuilder.Redirect.from((stdin == null ? Path.of("/dev/null") : stdin).toFile()), Map.of());
    }

    /** The REPL (no arguments) reading what {@link #send} writes, with {@code HOME} set to {@code dir}. */
    static ChildCli repl(Path dir, String... args) {
        return start(dir, List.of(), System.getProperty("java.class.path"), List.of(args),
                ProcessBuilder.Redirect.PIPE, Map.of("HOME", dir.toString()));
    }

    /**
     * Starts {@code prefix java ... jstap args} (prefix: a command that execs the rest, such as setpriv or
     * unshare) on {@code classPath}, with {@code env} added to the environment.
     */
    static ChildCli start(Path dir, List<String> prefix, String classPath, List<String> args,
                          ProcessBuilder.Redirect stdin, Map<String, String> env) {
        List<String> cmd = new ArrayList<>(prefix);
        if (Files.isExecutable(Path.of("/usr/bin/env"))) {
            cmd.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath, "io.jstap.repl.Main"));
        cmd.addAll(args);
        try {
            Path out = Files.createTempFile(dir, "stdout", ".txt");
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(stdin);
            pb.environment().putAll(env);
            return new ChildCli(pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to the child's standard input (a REPL started by {@link #repl}). */
    void send(String text) {
        try {
            process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Sends {@code signal} (INT, TERM, HUP, KILL) with kill(1). */
    void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid())).start();
            assertEquals(0, kill.waitFor(), "kill -s " + signal);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the exit; fails (and kills the child) after {@code limit}. */
    int await(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            String seen = "stdout:\n" + InProcessCli.head(stdout()) + "\nstderr:\n" + InProcessCli.head(stderr());
            process.destroyForcibly();
            throw new AssertionError("jstap did not end within " + limit + "\n" + seen);
        }
        return process.exitValue();
    }

    /** Waits until stdout has a line equal to {@code line}; fails after {@code limit} or if the child ends. */
    void awaitLine(String line, Duration limit) throws InterruptedException {
        awaitOutput(o -> o.lines().anyMatch(line::equals), "a line '" + line + "'", limit);
    }

    /** Waits until stdout contains {@code text} {@code times} times (REPL output lines carry prompts). */
    void awaitText(String text, int times, Duration limit) throws InterruptedException {
        awaitOutput(o -> occurrences(o, text) >= times, times + " x '" + text + "'", limit);
    }

    private void awaitOutput(java.util.function.Predicate<String> seen, String what, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!seen.test(stdout())) {
            assertTrue(process.isAlive(), () -> "jstap ended before printing " + what + ": status "
                    + process.exitValue() + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
            assertTrue(System.nanoTime() < deadline, () -> "no " + what + " within " + limit
                    + "\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
            Thread.sleep(10);
        }
    }

    static int occurrences(String in, String text) {
        int n = 0;
        for (int i = in.indexOf(text); i >= 0; i = in.indexOf(text, i + text.length())) {
            n++;
        }
        return n;
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8); // junk input may echo junk
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
