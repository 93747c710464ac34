package io.jstap.compiler.ast;

import io.jstap.compiler.diag.Span;
import java.util.List;

/**
 * One parsed source: a script file, {@code -e} text, a tapset or a REPL snippet. {@code decls} are in source
 * order after preprocessing and macro expansion; {@code macros} the {@code @define}s it declared.
 */
public record Script(Span span, List<Decl> decls, List<Decl.Macro> macros) implements Node {
    public Script {
        decls = List.copyOf(decls);
        macros = List.copyOf(macros);
    }
}
