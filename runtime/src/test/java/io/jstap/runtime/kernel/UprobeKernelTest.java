package io.jstap.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.linux.MapSpec;
import io.jstap.linux.MapType;
import io.jstap.linux.ProgType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UprobeKernelTest extends KernelTest {

    private static final String CHILD = String.join("\n",
            "#include <stdio.h>",
            "#include <stdlib.h>",
            "#include <unistd.h>",
            "int main(int argc, char **argv) {",
            "  int n = atoi(argv[1]); char line[16];",
            "  if (!fgets(line, sizeof line, stdin)) return 2;",
            "  for (int i = 0; i < n; i++) getpid();",
            "  printf(\"done\\n\"); fflush(stdout); return 0;",
            "}", "");

    @TempDir
    Path dir;

    static Path compile(Path dir, String name, String source, String... flags) throws Exception {
        Path src = dir.resolve(name + ".c");
        Path exe = dir.resolve(name);
        Files.writeString(src, source);
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("cc", "-O1", "-o", exe.toString()));
        cmd.addAll(java.util.List.of(flags));
        cmd.add(src.toString());
        Process cc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, cc.waitFor(), "cc failed: " + out);
        return exe;
    }

    /** The libc the child actually mapped. */
    private static Path libcOf(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/maps"))) {
            int slash = line.indexOf('/');
            if (slash > 0 && line.substring(slash).matches(".*/libc([.-][^/]*)?\\.so.*")) {
                return Path.of(line.substring(slash).strip());
            }
        }
        throw new AssertionError("no libc in /proc/" + pid + "/maps");
    }

    @Test
    void countsLibcCallsOfAChildProcess() throws Exception {
        Path exe = compile(dir, "caller", CHILD);
        int n = 1000;
        Process child = new ProcessBuilder(exe.toString(), Integer.toString(n)).start();
        try {
            int pid = (int) child.pid();
            // fgets blocks until we write, so libc is mapped and getpid not yet called.
            Thread.sleep(50);
            Path libc = libcOf(pid);
            BpfMap counts = kr.createMap(MapSpec.of(MapType.ARRAY, "counts", 4, 8, 4));
            Assembler any = new Assembler();
            Label out = any.newLabel();
            TestPrograms.increment(any, 0, null, out);
            TestPrograms.finish(any, out);
            LoadedProgram entry = kr.load(TestPrograms.load(ProgType.KPROBE, "getpid_entry", any.build(), counts));
            LoadedProgram exit = kr.load(TestPrograms.load(ProgType.KPROBE, "getpid_ret",
                    TestPrograms.countForTgid(pid, 1), counts));
            Attachment a1 = kr.attachUprobe(entry, UprobeTarget.function(libc, "getpid").forPid(pid));
            Attachment a2 = kr.attachUprobe(exit, UprobeTarget.function(libc, "getpid").returning());
            assertTrue(a1.description().startsWith("uprobe " + libc + ":getpid (pid " + pid), a1.description());
            assertTrue(a2.description().startsWith("uretprobe "), a2.description());

            OutputStream in = child.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("done", r.readLine());
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
            long entries = ByteBuffer(counts, 0);
            long returns = ByteBuffer(counts, 1);
            assertEquals(n, entries, "uprobe with perf pid filter");
            assertEquals(n, returns, "uretprobe filtered by tgid in the program");
        } finally {
            child.destroyForcibly();
        }
    }

    private static long ByteBuffer(BpfMap m, int key) {
        return java.nio.ByteBuffer.wrap(m.lookup(BpfMap.intKey(key)).orElseThrow())
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private static final String OWN = String.join("\n",
            "#include <stdio.h>",
            "#include <stdlib.h>",
            "__attribute__((noinline)) int jstap_work(int x) { __asm__ volatile(\"\"); return x + 1; }",
            "int main(int argc, char **argv) {",
            "  int n = atoi(argv[1]), s = 0; char line[16];",
            "  if (!fgets(line, sizeof line, stdin)) return 2;",
            "  for (int i = 0; i < n; i++) s += jstap_work(i);",
            "  printf(\"done %d\\n\", s); fflush(stdout); return 0;",
            "}", "");

    /** A function of the executable itself, for PIE and fixed-address builds. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-pie", "-no-pie"})
    void countsCallsOfAFunctionInTheExecutable(String mode) throws Exception {
        Path exe = compile(dir, "own", OWN, mode, mode.equals("-pie") ? "-fPIE" : "-fno-pie");
        int n = 777;
        Process child = new ProcessBuilder(exe.toString(), Integer.toString(n)).start();
        try {
            BpfMap counts = kr.createMap(MapSpec.of(MapType.ARRAY, "counts", 4, 8, 4));
            LoadedProgram p = kr.load(TestPrograms.load(ProgType.KPROBE, "work",
                    TestPrograms.countForTgid((int) child.pid(), 0), counts));
            kr.attachUprobe(p, UprobeTarget.function(exe, "jstap_work"));
            child.getOutputStream().write("go\n".getBytes(StandardCharsets.US_ASCII));
            child.getOutputStream().flush();
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(r.readLine().startsWith("done "));
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            assertEquals(n, ByteBuffer(counts, 0));
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void missingSymbolIsNamed() throws Exception {
        Path exe = compile(dir, "caller", CHILD);
        Assembler a = new Assembler();
        a.mov(io.jstap.compiler.bpf.Reg.R0, 0).exit();
        LoadedProgram p = kr.load(new io.jstap.linux.ProgramLoad(ProgType.KPROBE, "noop", a.build().bytes(), "GPL"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kr.attachUprobe(p, UprobeTarget.function(exe, "no_such_function")));
        assertEquals("cannot probe uprobe " + exe + ":no_such_function: " + exe
                + " has no function 'no_such_function'", e.getMessage());
    }
}
