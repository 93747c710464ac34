package io.jstap.compiler.diag;

/**
 * Renders diagnostics the way stap does:
 * <pre>
 * semantic error: unresolved function 'foo'
 *         at: demo.stp:3:5
 *     source:     foo(1)
 *                 ^
 * </pre>
 */
public final class DiagnosticRenderer {
    private static final int MAX_SHOWN = 160;

    private DiagnosticRenderer() {
    }

    public static String render(Diagnostic d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.kind()).append(": ").append(d.message()).append('\n');
        Span s = d.span();
        if (s != null && s != Span.NONE && s.line() > 0) {
            sb.append("        at: ").append(s.location()).append('\n');
            appendSource(sb, s);
            for (Span from = s.expandedFrom(); from != null; from = from.expandedFrom()) {
                sb.append("  expanded from: ").append(from.location()).append('\n');
            }
        }
        for (String note : d.notes()) {
            sb.append("        ").append(note).append('\n');
        }
        return sb.toString();
    }

    private static void appendSource(StringBuilder sb, Span s) {
        String line = s.source().line(s.line());
        int col = Math.max(1, s.col());
        // Very long lines are windowed around the column so the caret stays readable.
        int from = 0;
        if (line.length() > MAX_SHOWN) {
            from = Math.max(0, Math.min(col - 1 - MAX_SHOWN / 2, line.length() - MAX_SHOWN));
            line = line.substring(from, Math.min(line.length(), from + MAX_SHOWN));
        }
        StringBuilder shown = new StringBuilder();
        StringBuilder pad = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean printable = c >= ' ' && c != 0x7f || c == '\t';
            shown.append(printable ? c : '?');
            if (i < col - 1 - from) {
                pad.append(c == '\t' ? '\t' : ' ');
            }
        }
        sb.append("    source: ").append(shown).append('\n');
        sb.append("            ").append(pad).append('^').append('\n');
    }
}
