package io.jstap.compiler.complete;

/**
 * Completion and completeness for the REPL's Tab and Enter keys. Pure: everything it knows about the
 * machine and the session comes from the injected {@link CompletionSources} and {@link PathLister}. It
 * reads only the text it is given, so it works on half-typed and broken input; nothing here needs a
 * terminal.
 */
public final class CompletionAnalyzer {

    private final ProbePointCompleter points;
    private final BodyCompleter bodies;
    private final CommandCompleter commands;

    public CompletionAnalyzer(CompletionSources sources) {
        this(sources, PathLister.fileSystem());
    }

    public CompletionAnalyzer(CompletionSources sources, PathLister paths) {
        PathCompleter pathCompleter = new PathCompleter(paths);
        this.points = new ProbePointCompleter(sources, pathCompleter);
        this.bodies = new BodyCompleter(sources);
        this.commands = new CommandCompleter(sources, pathCompleter, this::expression);
    }

    /**
     * Candidates for the word that ends at {@code cursor}. The replaced range is
     * {@code [replaceFrom, cursor)}; the text after the cursor is only looked at to avoid repeating a
     * parenthesis, dot or quote that is already there.
     */
    public Completion complete(String buffer, int cursor) {
        if (buffer == null) {
            return Completion.none(0);
        }
        int at = Math.max(0, Math.min(cursor, buffer.length()));
        try {
            return dispatch(buffer, at);
        } catch (RuntimeException e) {
            // a failing source (an unreadable file, a broken tapset) must not take the REPL down with it
            return new Completion(at, java.util.List.of(), "completion failed: " + e.getMessage());
        }
    }

    /**
     * False while the buffer cannot be run yet, so the REPL should read another line: an open bracket,
     * string, comment or {@code %( %)} conditional, a probe without its body, or a trailing operator,
     * {@code =} or {@code ,}.
     */
    public boolean isComplete(String buffer) {
        return buffer == null || CompletenessChecker.isComplete(buffer);
    }

    private Completion dispatch(String buffer, int cursor) {
        int lead = 0;
        while (lead < buffer.length() && Character.isWhitespace(buffer.charAt(lead))) {
            lead++;
        }
        if (lead < buffer.length() && buffer.charAt(lead) == ':') {
            return cursor > lead ? commands.complete(buffer, cursor) : Completion.none(cursor);
        }
        CursorContext cx = ContextFinder.find(buffer, cursor);
        switch (cx.where()) {
            case TOP:
                return BodyCompleter.topLevel(cx);
            case POINT_NAME:
                return points.components(cx, buffer, cursor);
            case POINT_ARG:
                return points.argument(cx, buffer, cursor);
            case BODY:
                return code(cx, buffer, true);
            case EXPRESSION:
                return code(cx, buffer, false);
            default:
                return Completion.none(cursor);
        }
    }

    private Completion code(CursorContext cx, String buffer, boolean statements) {
        if (cx.wordType() == Token.Type.DOLLAR) {
            return bodies.contextVars(cx);
        }
        if (cx.wordType() == Token.Type.AT) {
            return bodies.atOperators(cx);
        }
        if (cx.wordType() == Token.Type.NUMBER) {
            return Completion.none(cx.wordStart());
        }
        return bodies.identifiers(cx, ScriptDecls.of(buffer), statements);
    }

    /** An expression argument of a REPL command: names only, as at the start of an expression. */
    private Completion expression(String buffer, int from, int cursor) {
        Scanner.Result r = Scanner.scan(buffer, from, cursor);
        Token last = r.last();
        if (r.inComment() || r.inString()) {
            return Completion.none(cursor);
        }
        boolean word = last != null && last.end() == cursor
            && (last.isIdent() || last.type() == Token.Type.AT || last.type() == Token.Type.NUMBER);
        CursorContext cx = new CursorContext(CursorContext.Where.EXPRESSION, word ? last.start() : cursor,
            word ? last.text() : "", word ? last.type() : null, java.util.List.of(), false, null, java.util.List.of());
        return code(cx, buffer, false);
    }
}
