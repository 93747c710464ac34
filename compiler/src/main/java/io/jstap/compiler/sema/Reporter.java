package io.jstap.compiler.sema;

import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds diagnostics once: a problem in a body that was expanded for many probe points (syscall.*) is
 * reported a single time, at its source location.
 */
final class Reporter {
    private final Diagnostics diagnostics;
    private final Set<String> seen = new HashSet<>();

    Reporter(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    void error(String code, String message, Span span, String... notes) {
        add(Diagnostic.semanticError(code, message, span, clean(notes)));
    }

    void warning(String code, String message, Span span, String... notes) {
        add(Diagnostic.warning(code, message, span, clean(notes)));
    }

    void add(Diagnostic d) {
        Span s = d.span();
        String key = d.kind() + '\0' + d.message() + '\0'
                + (s == null ? "" : s.source().name() + ':' + s.offset() + ':' + s.length());
        if (seen.add(key)) {
            diagnostics.add(d);
        }
    }

    boolean hasErrors() {
        return diagnostics.hasErrors();
    }

    /** Drops null notes, so callers can pass an optional "did you mean" directly. */
    static String[] clean(String... notes) {
        List<String> out = new ArrayList<>();
        for (String n : notes) {
            if (n != null) {
                out.add(n);
            }
        }
        return out.toArray(new String[0]);
    }

    /** {@code span} marked as expanded at {@code use}, keeping any expansion chain it already has. */
    static Span expandedAt(Span span, Span use) {
        if (use == null || span == null) {
            return span;
        }
        return span.withExpandedFrom(span.expandedFrom() == null ? use : expandedAt(span.expandedFrom(), use));
    }
}
