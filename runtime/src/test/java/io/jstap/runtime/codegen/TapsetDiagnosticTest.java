package io.jstap.runtime.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jstap.compiler.CompileOptions;
import io.jstap.compiler.ScriptCompiler;
import io.jstap.compiler.diag.Source;
import io.jstap.runtime.catalog.MachineProbeCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kernel back-end error inside tapset code shows the tapset's line and caret. */
class TapsetDiagnosticTest {

    @Test
    void backEndErrorInTapsetFunctionShowsItsLine() {
        ScriptCompiler.Result r = ScriptCompiler.compile(
                List.of(new Source("<input>", "probe syscall.openat { println(user_string_quoted(0)) }")),
                CompileOptions.defaults(), new MachineProbeCatalog(), ScriptCompiler.TRANSLATE);
        assertFalse(r.ok());
        assertEquals("semantic error: function 'string_quoted' is not supported in kernel probes\n"
                + "        at: <tapset>/conversions.stp:45:12\n"
                + "    source:     return string_quoted(user_string(addr))\n"
                + "                       ^\n", r.diagnostics().render());
    }
}
