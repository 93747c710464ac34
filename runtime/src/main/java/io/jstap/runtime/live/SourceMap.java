package io.jstap.runtime.live;

import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session's snippets joined into the one script the compiler sees, and the way back: compiling the
 * snippets as one text keeps stap's single-script rules (a macro defined in one snippet is usable in the
 * next), and this map turns positions in that text into positions in each snippet's own text, so the user
 * reads {@code at: #3:1:9} rather than a line of a text they never typed.
 *
 * <p>Each snippet starts on a line of its own. Text added around a statement (its synthetic probe) belongs
 * to the statement's snippet and is reported at its first character.
 */
final class SourceMap {

    /** The name of the joined text; it appears in no message the user sees. */
    static final String NAME = "<session>";
    private static final Pattern LOCATION = Pattern.compile(Pattern.quote(NAME) + ":(\\d+):(\\d+)");

    /** A snippet's text at {@code offset} (line {@code line}) of the joined text, {@code length} chars long. */
    private record Segment(int snippetId, Source own, int offset, int line, int length, int lines) {
        boolean holdsLine(int l) {
            return l >= line && l < line + lines;
        }
    }

    private final Source joined;
    private final List<Segment> segments;
    /** Wrapper text spans: [from, to) of the joined text attributed to a snippet. */
    private final List<int[]> wrappers;

    private SourceMap(Source joined, List<Segment> segments, List<int[]> wrappers) {
        this.joined = joined;
        this.segments = segments;
        this.wrappers = wrappers;
    }

    /** The joined text as one source. */
    Source source() {
        return joined;
    }

    /** Builds a joined text snippet by snippet. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Segment> segments = new ArrayList<>();
        private final List<int[]> wrappers = new ArrayList<>();
        private int line = 1;

        /** Appends a snippet's text (a newline is added when it lacks one). */
        Builder add(int snippetId, String sourceName, String snippetText) {
            String t = snippetText.endsWith("\n") ? snippetText : snippetText + "\n";
            int lines = (int) t.chars().filter(c -> c == '\n').count();
            segments.add(new Segment(snippetId, new Source(sourceName, t), text.length(), line, t.length(), lines));
            append(t);
            return this;
        }

        /** Appends text of the session's own making around snippet {@code snippetId} (a statement's probe). */
        Builder wrapper(int snippetId, String wrapperText) {
            wrappers.add(new int[] {text.length(), text.length() + wrapperText.length(), snippetId});
            append(wrapperText);
            return this;
        }

        private void append(String t) {
            text.append(t);
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) == '\n') {
                    line++;
                }
            }
        }

        SourceMap build() {
            return new SourceMap(new Source(NAME, text.toString()), List.copyOf(segments), List.copyOf(wrappers));
        }
    }

    static Builder builder() {
        return new Builder();
    }

    /** The id of the snippet that line {@code line} of the joined text belongs to, or -1. */
    int snippetAtLine(int line) {
        for (Segment s : segments) {
            if (s.holdsLine(line)) {
                return s.snippetId;
            }
        }
        int offset = offsetOfLine(line);
        for (int[] w : wrappers) {
            if (offset >= w[0] && offset < w[1]) {
                return w[2];
            }
        }
        return -1;
    }

    private int offsetOfLine(int line) {
        String t = joined.text();
        int l = 1;
        for (int i = 0; i < t.length(); i++) {
            if (l == line) {
                return i;
            }
            if (t.charAt(i) == '\n') {
                l++;
            }
        }
        return l == line ? t.length() : -1;
    }

    /** The same span in the snippet's own text; spans of other sources (tapsets) are kept. */
    Span remap(Span s) {
        if (s == null || s.source() != joined) {
            return s;
        }
        Span from = remap(s.expandedFrom());
        for (Segment g : segments) {
            if (s.offset() >= g.offset && s.offset() < g.offset + g.length) {
                int len = Math.min(s.length(), g.offset + g.length - s.offset());
                return new Span(g.own, s.line() - g.line + 1, s.col(), s.offset() - g.offset, len, from);
            }
        }
        for (int[] w : wrappers) {
            if (s.offset() >= w[0] && s.offset() <= w[1]) {
                Segment g = segmentOf(w[2]);
                if (g != null) {
                    return new Span(g.own, 1, 1, 0, 0, from);
                }
            }
        }
        return s;
    }

    /** Where snippet {@code snippetId}'s text starts in the joined text, or -1. */
    int offsetOf(int snippetId) {
        Segment g = segmentOf(snippetId);
        return g == null ? -1 : g.offset;
    }

    private Segment segmentOf(int snippetId) {
        for (Segment g : segments) {
            if (g.snippetId == snippetId) {
                return g;
            }
        }
        return null;
    }

    /** The diagnostic with its spans and the locations in its text moved into the snippets. */
    Diagnostic remap(Diagnostic d) {
        List<String> notes = new ArrayList<>();
        for (String n : d.notes()) {
            notes.add(rewriteLocations(n));
        }
        return new Diagnostic(d.severity(), d.kind(), d.code(), rewriteLocations(d.message()), remap(d.span()),
                notes);
    }

    /** The id of the snippet a diagnostic points into, or -1. */
    int snippetOf(Diagnostic d) {
        Span s = d.span();
        return s == null || s.source() != joined ? -1 : snippetAtLine(s.line());
    }

    /** Replaces {@code <session>:L:C} in run-time messages by the snippet's {@code #id:l:c}. */
    String rewriteLocations(String text) {
        if (text == null || !text.contains(NAME)) {
            return text;
        }
        Matcher m = LOCATION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int line = Integer.parseInt(m.group(1));
            int col = Integer.parseInt(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(location(line, col)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The snippet of the first {@code <session>:L:C} location in a message, or -1. */
    int snippetInText(String text) {
        if (text == null) {
            return -1;
        }
        Matcher m = LOCATION.matcher(text);
        return m.find() ? snippetAtLine(Integer.parseInt(m.group(1))) : -1;
    }

    private String location(int line, int col) {
        for (Segment g : segments) {
            if (g.holdsLine(line)) {
                return g.own.name() + ":" + (line - g.line + 1) + ":" + col;
            }
        }
        int id = snippetAtLine(line);
        Segment g = id < 0 ? null : segmentOf(id);
        return g != null ? g.own.name() + ":1:1" : NAME + ":" + line + ":" + col;
    }
}
