package io.jstap.runtime.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import io.jstap.compiler.CompileOptions;
import io.jstap.compiler.ScriptCompiler;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.module.Module;
import io.jstap.runtime.catalog.MachineProbeCatalog;
import io.jstap.runtime.session.KernelFds;
import io.jstap.runtime.session.RunOptions;
import java.util.List;
import java.util.Map;

/** Compiles script text against this machine's probe points, with this JVM as target(); and libc triggers. */
final class Scripts {

    static {
        Native.register(Scripts.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private static final MachineProbeCatalog CATALOG = new MachineProbeCatalog();

    private Scripts() {
    }

    static long self() {
        return ProcessHandle.current().pid();
    }

    /** The module of {@code text} (named {@code <input>} as -e names it), with {@code -D} settings. */
    static Module compile(String text, Map<String, String> defines) {
        CompileOptions o = CompileOptions.defaults().withDefines(defines).withTargetPid(self());
        ScriptCompiler.Result r = ScriptCompiler.compile(List.of(new Source("<input>", text)), o, CATALOG,
                ScriptCompiler.TRANSLATE);
        assertTrue(r.ok(), () -> r.diagnostics().render());
        return r.module();
    }

    static Module compile(String text) {
        return compile(text, Map.of());
    }

    /** The 1-based column of the first {@code needle} in a one-line script. */
    static int col(String text, String needle) {
        int i = text.indexOf(needle);
        assertTrue(i >= 0, needle);
        return i + 1;
    }

    /** Run options with this JVM as target() and a 30 s bound. */
    static RunOptions asTarget() {
        return RunOptions.defaults().withTargetPid((int) self()).withTimeout(30.0);
    }

    /** Fails when this JVM holds a bpf or perf fd (a run left something loaded). */
    static void assertNothingLoaded() {
        assertEquals(List.of(), KernelFds.ofSelf(), "bpf or perf fds held by the test JVM");
    }

    static native int getppid();

    static native int getpid();

    static native int gettid();
}
