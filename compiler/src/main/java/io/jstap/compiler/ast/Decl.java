package io.jstap.compiler.ast;

import io.jstap.compiler.ast.Ops.TypeName;
import io.jstap.compiler.diag.Span;
import java.util.List;

/** Top-level declarations of a script, a tapset or a REPL snippet. */
public sealed interface Decl extends Node {

    /** {@code [private] global a, b[100], c = 5, d%}. */
    record Global(Span span, boolean isPrivate, List<GlobalVar> vars) implements Decl {
        public Global { vars = List.copyOf(vars); }
    }

    /** {@code size} is null unless given; {@code init} may be null; {@code wrap} for the {@code %} marker. */
    record GlobalVar(Span span, String name, Long size, boolean wrap, Expr init) implements Node {
    }

    /** {@code [private] probe p1, p2 { body }}. */
    record Probe(Span span, boolean isPrivate, List<ProbePoint> points, Stmt.Block body) implements Decl {
        public Probe { points = List.copyOf(points); }
    }

    /**
     * {@code probe name1, name2 = target1, target2 { body }} ({@code epilogue} false, body runs before the
     * user's) or with {@code +=} ({@code epilogue} true, body runs after).
     */
    record ProbeAlias(Span span, List<ProbePoint> names, List<ProbePoint> targets, boolean epilogue,
                      Stmt.Block body) implements Decl {
        public ProbeAlias {
            names = List.copyOf(names);
            targets = List.copyOf(targets);
        }
    }

    /** {@code [private] function name[:type] (p[:type], ...) { body }}; {@code returnType} may be null. */
    record Function(Span span, boolean isPrivate, String name, TypeName returnType, List<Param> params,
                    Stmt.Block body) implements Decl {
        public Function { params = List.copyOf(params); }
    }

    /** {@code type} may be null (inferred). */
    record Param(Span span, String name, TypeName type) implements Node {
    }

    /**
     * {@code @define name(a, b) %( body %)}. Macros are expanded by the preprocessor before parsing; the
     * record stays so the REPL can keep a macro as a snippet. {@code body} is the raw replacement text.
     */
    record Macro(Span span, String name, List<String> params, String body) implements Decl {
        public Macro { params = List.copyOf(params); }
    }
}
