package io.jstap.compiler.complete;

/** A buffer with the cursor marked by the single {@code |} in it. */
record Marked(String buffer, int cursor) {

    static Marked of(String marked) {
        int at = marked.indexOf('|');
        if (at < 0 || marked.indexOf('|', at + 1) >= 0) {
            throw new IllegalArgumentException("mark the cursor with exactly one '|': " + marked);
        }
        return new Marked(marked.substring(0, at) + marked.substring(at + 1), at);
    }

    static Completion complete(CompletionAnalyzer analyzer, String marked) {
        Marked m = of(marked);
        return analyzer.complete(m.buffer, m.cursor);
    }
}
