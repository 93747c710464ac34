package io.jstap.runtime.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.CompileOptions;
import io.jstap.compiler.ScriptCompiler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Insn;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.runtime.catalog.MachineProbeCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Scripts cannot write kernel or user memory: every way of writing a context variable is a compile-time
 * error at the written expression, the emitter cannot name a helper that writes memory or changes a
 * return value, and no example script compiles to a call of one.
 */
@Tag("kernel")
class NoMemoryWritesKernelTest {

    /** bpf_probe_write_user, bpf_override_return: the helpers that change what the traced code sees. */
    private static final Set<Integer> WRITERS = Set.of(36, 58);
    private static final int CALL = 0x85;
    private static final MachineProbeCatalog CATALOG = new MachineProbeCatalog();

    @ParameterizedTest
    @ValueSource(strings = {"$fd = 3", "$fd++", "--$fd", "$count += 1", "$count <<= 2", "x = $fd = 1", "$buf[0] = 1",
            "$buf->x = 1", "@cast($buf, \"int\")->x = 1", "@var(\"jiffies\") = 0", "$$vars = \"\"", "$$parms .= \"x\""})
    void writingAContextVariableIsAnErrorWhereItIsWritten(String statement) {
        String text = "probe syscall.read { " + statement + " }";
        ScriptCompiler.Result r = ScriptCompiler.compile(List.of(new Source("<input>", text)), CompileOptions.defaults(),
                CATALOG, ScriptCompiler.TRANSLATE);
        assertFalse(r.ok());
        assertEquals(null, r.module());
        Diagnostic d = r.diagnostics().list().get(0);
        assertEquals("writing to context variables is not allowed: jstap scripts only read kernel and user memory",
                d.message(), r.diagnostics().render());
        int written = text.length() - text.replaceFirst("^[^$@]*", "").length(); // the first $ or @
        assertEquals(1 + ":" + (written + 1), d.span().line() + ":" + d.span().col(), statement);
    }

    @Test
    void theEmitterKnowsNoHelperThatWritesMemory() {
        for (Helper h : Helper.values()) {
            assertFalse(WRITERS.contains(h.id()), h + " writes memory or return values");
        }
    }

    /**
     * Over the examples that compile on this machine (whether all do is the compiler's tests' business;
     * at least ten must, or this test would check too little).
     */
    @TestFactory
    Stream<DynamicTest> noExampleCallsAWritingHelper() throws IOException {
        List<ScriptCompiler.Result> compiled = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(examples())) {
            for (Path p : s.filter(f -> f.toString().endsWith(".stp")).sorted().toList()) {
                ScriptCompiler.Result r = ScriptCompiler.compile(List.of(new Source(p.getFileName().toString(),
                        Files.readString(p))), CompileOptions.defaults().withScriptArgs(List.of("1")), CATALOG,
                        ScriptCompiler.TRANSLATE);
                if (r.ok()) {
                    compiled.add(r);
                    names.add(p.getFileName().toString());
                }
            }
        }
        assertTrue(compiled.size() >= 10, "examples that compile: " + names);
        return IntStream.range(0, compiled.size()).mapToObj(n -> DynamicTest.dynamicTest(names.get(n), () -> {
            ScriptCompiler.Result r = compiled.get(n);
            for (KernelProbe k : r.module().kernelProbes()) {
                for (Insn i : k.code().insns()) {
                    if (i.opcode() == CALL) {
                        assertTrue(i.src() == 0 || i.src() == 1, k.name() + " calls a kfunc: " + i);
                        assertFalse(i.src() == 0 && WRITERS.contains(i.imm()), k.name() + " calls helper " + i.imm());
                    }
                }
            }
        }));
    }

    private static Path examples() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("scripts/examples"))) {
                return p.resolve("scripts/examples");
            }
        }
        throw new IllegalStateException("scripts/examples not found");
    }
}
