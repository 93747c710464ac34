package io.jstap.compiler.ast;

import io.jstap.compiler.diag.Span;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A probe point: dotted components with optional parameters ({@code process("/bin/ls").function("main").return}),
 * the {@code ?} (optional) and {@code !} (sufficient) markers, and an optional {@code if (cond)} guard
 * ({@code condition} may be null).
 */
public record ProbePoint(Span span, List<Component> components, boolean optional, boolean sufficient,
                         Expr condition) implements Node {

    public ProbePoint {
        components = List.copyOf(components);
    }

    /**
     * A component name (may contain {@code *} wildcards, or be {@code **}) and its parameter: a
     * {@link Expr.StringLit} or {@link Expr.LongLit}, or null.
     */
    public record Component(Span span, String name, Expr arg) implements Node {
        @Override
        public String toString() {
            if (arg == null) {
                return name;
            }
            String text = arg instanceof Expr.StringLit s ? Literals.quote(s.value())
                    : arg instanceof Expr.LongLit l ? Long.toString(l.value()) : "?";
            return name + "(" + text + ")";
        }
    }

    /** The point as stap prints it: {@code syscall.open}, {@code kernel.trace("sched:sched_switch")}. */
    @Override
    public String toString() {
        return components.stream().map(Component::toString).collect(Collectors.joining("."))
                + (sufficient ? "!" : optional ? "?" : "");
    }
}
