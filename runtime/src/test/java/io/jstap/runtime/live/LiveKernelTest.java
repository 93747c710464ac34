package io.jstap.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.runtime.catalog.MachineProbeCatalog;
import io.jstap.runtime.output.RecordingOutput;
import io.jstap.runtime.session.KernelFds;
import io.jstap.runtime.session.SessionKernelTest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * Base of the live session's kernel tests: a session over the real compiler and this machine's catalog,
 * a transcript of its output, and no bpf or perf fd left behind by any test. They fail without BPF.
 */
@Tag("kernel")
abstract class LiveKernelTest {

    private static ProbeCatalog catalog;

    RecordingOutput out;
    LiveSession session;

    static synchronized ProbeCatalog catalog() {
        if (catalog == null) {
            catalog = new MachineProbeCatalog();
        }
        return catalog;
    }

    static LiveSession open(RecordingOutput out) {
        FacadeCompiler c = new FacadeCompiler(FacadeCompiler.optionsFor(catalog()), catalog());
        return new LiveSession(c, c.preprocessor(), out, LiveOptions.defaults());
    }

    @BeforeEach
    void openSession() {
        assertEquals(List.of(), KernelFds.ofSelf(), "kernel fds open before the test");
        out = new RecordingOutput();
        session = open(out);
    }

    @AfterEach
    void closeSession() {
        session.close();
        assertEquals(List.of(), KernelFds.ofSelf(), "kernel fds left open after the test");
    }

    /** Evaluates input that must succeed; returns its events. */
    List<SnippetEvent> ok(String input) {
        List<SnippetEvent> events = session.eval(input);
        for (SnippetEvent e : events) {
            assertFalse(e.failed(), () -> "'" + input + "' failed: " + describe(e));
        }
        return events;
    }

    /** The value of an expression that must evaluate without error. */
    String value(String expr) {
        List<SnippetEvent> events = ok(expr);
        assertEquals(1, events.size());
        assertNull(events.get(0).error());
        return events.get(0).value();
    }

    static String describe(SnippetEvent e) {
        return e.status() + " error=" + e.error() + " diags="
                + e.diagnostics().stream().map(Diagnostic::render).collect(Collectors.joining());
    }

    static void getppid(int n) {
        SessionKernelTest.getppid(n);
    }

    static int tgid() {
        return SessionKernelTest.tgid();
    }
}
