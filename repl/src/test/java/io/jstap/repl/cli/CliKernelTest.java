package io.jstap.repl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.repl.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: real scripts compiled, loaded, attached and run against workloads we start. */
@Tag("kernel")
class CliKernelTest {
    @TempDir
    static Path dir;
    static Path loop;

    /** A workload that makes exactly N getppid calls, then N close(-1) calls. */
    @BeforeAll
    static void buildWorkload() throws IOException, InterruptedException {
        Path src = dir.resolve("loop.c");
        Files.writeString(src, "#include <unistd.h>\n#include <stdlib.h>\n#include <sys/syscall.h>\n"
                + "int main(int c, char **v) { long n = atol(v[1]);\n"
                + "  for (long i = 0; i < n; i++) syscall(SYS_getppid);\n"
                + "  for (long i = 0; i < n; i++) close(-1);\n  return 0; }\n");
        loop = dir.resolve("loop");
        Process cc = new ProcessBuilder("cc", "-O1", "-o", loop.toString(), src.toString())
                .redirectErrorStream(true).start();
        String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), out);
    }

    record Run(int code, String out, String err) {
    }

    static Run jstap(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helloWorldOfTheIntroduction() {
        // Any process reading through the VFS ends it; the JVM itself reads class files and /proc.
        Path script = Path.of("..", "scripts", "examples", "hello.stp");
        Run r = jstap("-c", "cat " + script, script.toString());
        assertEquals(0, r.code(), r.err());
        // Records after the first exit are dropped, but a read on the other CPU that printed between this
        // probe's printf and its exit() is output before that exit, as in stap: one line, or rarely one per CPU.
        assertTrue(r.out().matches("(Hello World\n){1," + Runtime.getRuntime().availableProcessors() + "}"), r.out());
    }

    @Test
    void countsExactlyTheTargetsSyscalls() {
        Run r = jstap("-c", loop + " 12345", "-e",
                "global n, m, s\n"
                + "probe syscall.getppid { if (pid() == target()) n++ }\n"
                // close(-1): the loader's own closes of real descriptors are not counted
                + "probe kernel.trace(\"syscalls:sys_enter_close\") { if (pid() == target() && $fd > 1000) "
                + "{ m[execname()]++; s <<< $fd & 0xffff } }\n"
                + "probe end { printf(\"getppid %d close %d fd %d\\n\", n, m[\"loop\"], @min(s)) }");
        assertEquals(0, r.code(), r.err());
        assertEquals("getppid 12345 close 12345 fd 65535\n", r.out());
    }

    @Test
    void classicCallStpPrintsOneLinePerProcess() {
        Run r = jstap(Path.of("..", "scripts", "examples", "call.stp").toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Collecting data... Type Ctrl-C to exit and display results", lines.get(0));
        assertTrue(lines.size() > 1, r.out());
        Pattern line = Pattern.compile(".+\\[\\d+\\] = \\d+");
        for (String l : lines.subList(1, lines.size())) {
            assertTrue(line.matcher(l).matches(), l);
        }
    }

    @Test
    void unreadGlobalsArePrintedAtTheEnd() {
        Run r = jstap("-c", loop + " 7", "-e",
                "global calls\nprobe syscall.getppid { if (pid() == target()) calls[execname()]++ }");
        assertEquals(0, r.code(), r.err());
        assertEquals("calls[\"loop\"]=0x7\n", r.out());
    }

    @Test
    void divisionByZeroInTheKernelStopsTheRunWithItsLocation() {
        Run r = jstap("-c", loop + " 3", "-e",
                "global z\nprobe syscall.getppid {\n  if (pid() == target()) printf(\"%d\\n\", 10 / z)\n}");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("ERROR: division by 0 near operator '/' at <input>:3:44"), r.err());
    }

    @Test
    void passesStopWhereAsked() {
        Run p2 = jstap("-p2", "-e", "global n\nprobe syscall.getppid { n++ }");
        assertEquals(0, p2.code(), p2.err());
        assertTrue(p2.out().contains("n:long"), p2.out());
        Run p4 = jstap("-p4", "-e", "global n\nprobe syscall.getppid { n++ }");
        assertEquals(0, p4.code(), p4.err());
        assertTrue(p4.out().contains("verified"), p4.out());
    }

    @Test
    void listingSyscallsMatchesTheKernelsSyscalls() throws IOException {
        Run r = jstap("-l", "syscall.*");
        assertEquals(0, r.code(), r.err());
        long enter;
        try (var s = Files.list(Path.of("/sys/kernel/tracing/events/syscalls"))) {
            enter = s.filter(p -> p.getFileName().toString().startsWith("sys_enter_")).count();
        }
        assertEquals(enter, r.out().lines().count());
        assertTrue(r.out().lines().anyMatch("syscall.openat"::equals), r.out());
        Run l = jstap("-L", "kernel.trace(\"sched:sched_switch\")");
        assertEquals(0, l.code(), l.err());
        assertTrue(l.out().startsWith("kernel.trace(\"sched:sched_switch\") "), l.out());
        assertTrue(l.out().contains("$prev_comm:char[16]"), l.out());
    }

    @Test
    void semanticErrorsAreDiagnosticsNotStackTraces() {
        Run r = jstap("-e", "probe syscall.getppid { x = \"a\" + 1 }");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("semantic error"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
