package io.jstap.repl.robust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jstap.repl.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs the command line in this JVM through {@link Main#run}, the entry {@code main} uses, capturing what a
 * user would see: the writers Main is given and the process's stdout and stderr (where a run's output and
 * an escaping exception would go). A case that does not end within its limit fails.
 */
final class InProcessCli {

    /** What the command printed and returned; {@code thrown} is whatever escaped Main.run, if anything. */
    record Outcome(int status, String out, String err, Throwable thrown, long millis) {
        String all() {
            return out + err;
        }
    }

    /** "Exception" anywhere, or a stack frame line: what a user must never see. */
    static final Pattern STACK_TRACE = Pattern.compile("Exception|(?m)^\\s+at [\\w$.]+\\(");

    private InProcessCli() {
    }

    static synchronized Outcome run(Duration limit, List<String> args) {
        return run(limit, args.toArray(new String[0]));
    }

    static synchronized Outcome run(Duration limit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream sysOut = new ByteArrayOutputStream();
        ByteArrayOutputStream sysErr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(sysOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(sysErr, true, StandardCharsets.UTF_8));
        long t0 = System.nanoTime();
        int[] status = {-1};
        Throwable[] thrown = {null};
        try {
            assertTimeoutPreemptively(limit, () -> {
                try {
                    status[0] = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            }, () -> "jstap " + String.join(" ", abbreviated(args)) + " did not end within " + limit);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new Outcome(status[0], out + sysOut.toString(StandardCharsets.UTF_8),
                err + sysErr.toString(StandardCharsets.UTF_8), thrown[0], ms);
    }

    /** Fails when anything escaped Main.run or a stack trace reached the output. */
    static void assertNoStackTrace(Outcome o, String what) {
        assertFalse(o.thrown() != null, () -> what + ": Main.run threw " + o.thrown());
        assertFalse(STACK_TRACE.matcher(o.all()).find(), () -> what + ": a stack trace was printed:\n" + head(o.all()));
    }

    /** Arguments as they can be shown in a message (a 10 MB script text is cut). */
    static List<String> abbreviated(String... args) {
        return java.util.Arrays.stream(args).map(a -> a.length() > 80 ? a.substring(0, 77) + "..." : a).toList();
    }

    static String head(String s) {
        return s.length() > 2000 ? s.substring(0, 2000) + "\n[... " + (s.length() - 2000) + " more chars]" : s;
    }
}
