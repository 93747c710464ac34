package io.jstap.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.ScriptCompiler;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * process("NAME") as stap resolves it: a shared library by soname (the one the program really maps, so its
 * calls are counted exactly), a bare program name through $PATH, and the diagnostic for a name found nowhere.
 */
class PathResolutionKernelTest extends SessionKernelTest {

    @TempDir
    Path dir;

    @Test
    void aLibraryFunctionBySoname() throws Exception {
        Path prog = Workload.build(dir, "loope");
        String out = Workload.run("global n\nprobe process(\"libc.so.6\").function(\"getppid\") { n++ }\n"
                + "probe end { printf(\"%d\\n\", n) }\n", prog + " 40");
        assertEquals("40\n", out);
    }

    @Test
    void marksOfASharedLibraryBySoname() throws Exception {
        // libstdc++ carries USDT marks for C++ exceptions: throw (object, type info) and catch
        Path src = java.nio.file.Files.writeString(dir.resolve("thr.cc"), "#include <cstdlib>\n"
                + "int main(int argc, char **argv) { int n = atoi(argv[1]), c = 0;\n"
                + "  for (int i = 0; i < n; i++) { try { throw i; } catch (int v) { c += v >= 0; } }\n"
                + "  return c != n; }\n");
        Path prog = dir.resolve("thr");
        Process cc = new ProcessBuilder("g++", "-O1", "-o", prog.toString(), src.toString()).inheritIO().start();
        assertEquals(0, cc.waitFor());
        String out = Workload.run("global thrown, caught, typed\n"
                + "probe process(\"libstdc++.so.6\").mark(\"throw\") { thrown++; typed += $arg2 != 0 }\n"
                + "probe process(\"libstdc++.so.6\").mark(\"catch\") { caught++ }\n"
                + "probe end { printf(\"%d %d %d\\n\", thrown, caught, typed) }\n", prog + " 33");
        assertEquals("33 33 33\n", out);
    }

    @Test
    void aProgramThroughPath() {
        // env is found in $PATH; the shell runs it twice (exec each time)
        String out = Workload.run("global n\nprobe process(\"env\").begin { n++ }\nprobe end { printf(\"%d\\n\", n) }\n",
                "sh -c 'env >/dev/null; env >/dev/null; true'");
        assertEquals("2\n", out);
    }

    @Test
    void aNameFoundNowhere() {
        ScriptCompiler.Result r = Workload.compile("probe process(\"jstap-no-such-program\").function(\"f\") { }", 0);
        assertEquals("semantic error: cannot find executable 'jstap-no-such-program' for "
                + "process(\"jstap-no-such-program\")", r.diagnostics().list().get(0).render().lines().findFirst()
                .orElseThrow());
        assertEquals(java.util.List.of("looked in $PATH, the library directories and the ldconfig cache"),
                r.diagnostics().list().get(0).notes());
    }
}
