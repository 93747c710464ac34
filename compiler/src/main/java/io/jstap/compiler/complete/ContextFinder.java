package io.jstap.compiler.complete;

import io.jstap.compiler.complete.CursorContext.Where;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Works out what the cursor is in from the text before it alone, however broken that text is. */
final class ContextFinder {

    /** Words that are never local variable names. */
    static final Set<String> BODY_KEYWORDS = Set.of("if", "else", "for", "foreach", "while", "delete", "next",
        "return", "break", "continue", "try", "catch", "in", "limit");

    private ContextFinder() {
    }

    static CursorContext find(String buffer, int cursor) {
        Scanner.Result r = Scanner.scan(buffer, 0, cursor);
        if (r.inComment() || r.inEmbedded()) {
            return CursorContext.none(cursor);
        }
        List<Token> tokens = r.tokens();
        Token word = null;
        Token last = r.last();
        if (last != null && last.end() == cursor && isWord(last)) {
            word = last;
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        Structure s = Structure.of(tokens);
        if (s.inBody()) {
            return body(tokens, s, word, cursor);
        }
        if (s.decl == Structure.Decl.PROBE && s.inHeader()) {
            return header(tokens.subList(s.declStart + 1, tokens.size()), word, cursor);
        }
        if (word != null && word.type() != Token.Type.IDENT && word.type() != Token.Type.AT) {
            return CursorContext.none(cursor);
        }
        if (s.decl == Structure.Decl.NONE || (s.decl == Structure.Decl.GLOBAL && globalFinished(tokens))) {
            return of(Where.TOP, word, cursor, List.of(), false, null, List.of());
        }
        return CursorContext.none(cursor);
    }

    private static boolean isWord(Token t) {
        switch (t.type()) {
            case IDENT: case NUMBER: case DOLLAR: case AT: return true;
            case STRING: return !t.closed();
            default: return false;
        }
    }

    /** After {@code global a, b[10]} a new word starts a new declaration; after {@code global} or a comma it is a name. */
    private static boolean globalFinished(List<Token> tokens) {
        Token prev = tokens.get(tokens.size() - 1);
        if (prev.isIdent()) {
            return !prev.text().equals("global") && !prev.text().equals("private");
        }
        return prev.is("]") || prev.is(")") || prev.is(";") || prev.type() == Token.Type.NUMBER
            || prev.type() == Token.Type.STRING;
    }

    private static CursorContext body(List<Token> tokens, Structure s, Token word, int cursor) {
        if (word != null && word.type() == Token.Type.STRING) {
            return CursorContext.none(cursor);
        }
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).is("->")) {
            return CursorContext.none(cursor);   // a struct member: no type information to complete from
        }
        List<Token> header = tokens.subList(s.declStart + 1, s.bodyStart - 1);
        Set<String> locals = new LinkedHashSet<>();
        String point = null;
        if (s.decl == Structure.Decl.PROBE) {
            point = firstPoint(header);
        } else {
            parameters(header, locals);
        }
        collectLocals(tokens, s.bodyStart, locals);
        return of(Where.BODY, word, cursor, List.of(), false, point, new ArrayList<>(locals));
    }

    private static CursorContext header(List<Token> header, Token word, int cursor) {
        int start = 0;
        int depth = 0;
        for (int i = 0; i < header.size(); i++) {
            Token t = header.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0 && (t.is(",") || t.is("=") || t.is("+="))) {
                start = i + 1;
            } else if (depth == 0 && t.is("if")) {
                boolean expr = word == null || word.type() == Token.Type.IDENT;
                return expr ? of(Where.EXPRESSION, word, cursor, List.of(), false, null, List.of())
                    : CursorContext.none(cursor);
            }
        }
        List<Token> point = header.subList(start, header.size());
        PointParser.Parsed parsed = PointParser.parse(point);
        Token prev = point.isEmpty() ? null : point.get(point.size() - 1);
        if (parsed.state() == PointParser.State.ARG) {
            if (word == null || word.type() == Token.Type.STRING || word.type() == Token.Type.NUMBER) {
                boolean quoted = word != null && word.type() == Token.Type.STRING;
                return of(Where.POINT_ARG, word, cursor, parsed.components(), quoted, null, List.of());
            }
            return CursorContext.none(cursor);
        }
        if (parsed.state() != PointParser.State.NAME || (word != null && word.type() != Token.Type.IDENT)) {
            return CursorContext.none(cursor);
        }
        int wordStart = word == null ? cursor : word.start();
        if (prev != null && prev.end() == wordStart && !prev.is(".")) {
            return CursorContext.none(cursor);   // a wildcard such as sys_*op: nothing sensible to offer
        }
        return of(Where.POINT_NAME, word, cursor, parsed.components(), false, null, List.of());
    }

    /** The first probe point of a header, as text; for an alias definition, the first point after {@code =}. */
    static String firstPoint(List<Token> header) {
        int start = 0;
        int depth = 0;
        for (int i = 0; i < header.size(); i++) {
            Token t = header.get(i);
            depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
            if (depth == 0 && (t.is("=") || t.is("+="))) {
                start = i + 1;
            }
        }
        int end = start;
        depth = 0;
        while (end < header.size()) {
            Token t = header.get(end);
            depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
            if (depth == 0 && (t.is(",") || t.is("if"))) {
                break;
            }
            end++;
        }
        PointParser.Parsed p = PointParser.parse(header.subList(start, end));
        return p.state() == PointParser.State.AFTER ? p.render() : "";
    }

    /** Parameter names of a function header {@code name:type (a:long, b)}. */
    private static void parameters(List<Token> header, Set<String> out) {
        int depth = 0;
        for (int i = 0; i < header.size(); i++) {
            Token t = header.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            } else if (depth == 1 && t.isIdent() && !header.get(i - 1).is(":")) {
                out.add(t.text());
            }
        }
    }

    /** Identifiers in the body that are not calls, members or keywords: in stap every such name is a local. */
    private static void collectLocals(List<Token> tokens, int from, Set<String> out) {
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.isIdent() || BODY_KEYWORDS.contains(t.text())) {
                continue;
            }
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).is("(");
            boolean member = i > 0 && tokens.get(i - 1).is("->");
            if (!call && !member) {
                out.add(t.text());
            }
        }
    }

    private static CursorContext of(Where where, Token word, int cursor, List<PointParser.Component> components,
                                    boolean quoted, String point, List<String> locals) {
        int start = word == null ? cursor : word.type() == Token.Type.STRING ? word.start() + 1 : word.start();
        String text = word == null ? "" : word.text();
        Token.Type type = word == null ? null : word.type();
        return new CursorContext(where, start, text, type, components, quoted, point, locals);
    }
}
