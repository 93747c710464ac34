package io.jstap.compiler.diag;

import java.util.List;

/**
 * One problem found in a script. {@code kind} is the stap heading ("parse error", "semantic error",
 * "warning"); {@code code} a stable identifier tests assert on; {@code notes} extra lines such as
 * "did you mean: ..." or an expansion chain.
 */
public record Diagnostic(Severity severity, String kind, String code, String message, Span span,
                         List<String> notes) {

    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        notes = List.copyOf(notes);
    }

    public static Diagnostic parseError(String code, String message, Span span, String... notes) {
        return new Diagnostic(Severity.ERROR, "parse error", code, message, span, List.of(notes));
    }

    public static Diagnostic semanticError(String code, String message, Span span, String... notes) {
        return new Diagnostic(Severity.ERROR, "semantic error", code, message, span, List.of(notes));
    }

    public static Diagnostic warning(String code, String message, Span span, String... notes) {
        return new Diagnostic(Severity.WARNING, "WARNING", code, message, span, List.of(notes));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The stap-style text: heading and message, location, source line and a caret. */
    public String render() {
        return DiagnosticRenderer.render(this);
    }
}
