package io.jstap.compiler.tapset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a tapset file declares at its top level, found by a quick lexical scan instead of a parse, so
 * that a file is parsed only when a script uses one of them. The scan understands functions, globals, probes
 * and aliases, embedded C blocks, comments and strings; anything else at the top level (preprocessor
 * conditionals, macros) makes the file {@link Names#opaque() opaque}, to be parsed eagerly.
 */
final class TapsetScan {

    /** Functions, globals and dotted alias names ({@code syscall.openat}) in declaration order. */
    record Names(Set<String> functions, Set<String> globals, Set<String> aliases, boolean opaque) {
    }

    private static final Names OPAQUE = new Names(Set.of(), Set.of(), Set.of(), true);

    private final List<String> tokens;
    private int pos;

    private TapsetScan(List<String> tokens) {
        this.tokens = tokens;
    }

    static Names scan(String text) {
        List<String> tokens = tokens(text);
        if (tokens == null) {
            return OPAQUE;
        }
        return new TapsetScan(tokens).declarations();
    }

    private Names declarations() {
        Set<String> functions = new LinkedHashSet<>();
        Set<String> globals = new LinkedHashSet<>();
        Set<String> aliases = new LinkedHashSet<>();
        while (pos < tokens.size()) {
            String t = tokens.get(pos++);
            if (t.equals("private")) {
                t = pos < tokens.size() ? tokens.get(pos++) : "";
            }
            boolean ok;
            if (t.equals("function")) {
                ok = function(functions);
            } else if (t.equals("global")) {
                ok = global(globals);
            } else if (t.equals("probe")) {
                ok = probe(aliases);
            } else {
                ok = t.startsWith("%{") || t.equals(";"); // a top-level embedded C block declares nothing
            }
            if (!ok) {
                return OPAQUE;
            }
        }
        return new Names(Set.copyOf(functions), Set.copyOf(globals), Set.copyOf(aliases), false);
    }

    /** {@code function NAME[:type](params) { body }} or with an embedded C body. */
    private boolean function(Set<String> out) {
        if (pos >= tokens.size() || !isIdentifier(tokens.get(pos))) {
            return false;
        }
        out.add(tokens.get(pos++));
        while (pos < tokens.size()) {
            String t = tokens.get(pos++);
            if (t.startsWith("%{")) {
                return true;
            }
            if (t.equals("{")) {
                return skipBlock();
            }
        }
        return false;
    }

    /** {@code global A, B[10], C = 5}: ends at the next top-level keyword. */
    private boolean global(Set<String> out) {
        boolean expectName = true;
        while (pos < tokens.size() && !isTopLevelStart(tokens.get(pos))) {
            String t = tokens.get(pos++);
            if (expectName) {
                if (!isIdentifier(t)) {
                    return false;
                }
                out.add(t);
                expectName = false;
            } else if (t.equals(",")) {
                expectName = true;
            } else if (t.equals("{") || t.equals("}")) {
                return false;
            }
        }
        return !expectName;
    }

    /** A probe or alias: points up to the body; for an alias, every point before the last {@code =}. */
    private boolean probe(Set<String> aliases) {
        List<List<String>> segments = new ArrayList<>();
        List<String> points = new ArrayList<>();
        StringBuilder point = new StringBuilder();
        int parens = 0;
        boolean inArgs = false;
        while (pos < tokens.size()) {
            String t = tokens.get(pos++);
            if (parens > 0) {
                parens += t.equals("(") ? 1 : t.equals(")") ? -1 : 0;
                continue;
            }
            if (t.equals("(")) {
                parens = 1;
                inArgs = true;
            } else if (t.equals("{") || t.equals("=") || t.equals("+=") || t.equals(",")) {
                if (point.length() > 0) {
                    points.add(point.toString());
                }
                point.setLength(0);
                inArgs = false;
                if (!t.equals(",")) {
                    segments.add(points);
                    points = new ArrayList<>();
                }
                if (t.equals("{")) {
                    for (int i = 0; i < segments.size() - 1; i++) {
                        aliases.addAll(segments.get(i));
                    }
                    return skipBlock();
                }
            } else if (t.equals("if")) {
                inArgs = true; // a guard: its parenthesised condition is skipped as arguments are
            } else if (!inArgs && !t.equals("?") && !t.equals("!")) {
                point.append(t);
            }
        }
        return false;
    }

    private boolean skipBlock() {
        int depth = 1;
        while (pos < tokens.size() && depth > 0) {
            String t = tokens.get(pos++);
            depth += t.equals("{") ? 1 : t.equals("}") ? -1 : 0;
        }
        return depth == 0;
    }

    private static boolean isTopLevelStart(String t) {
        return t.equals("function") || t.equals("global") || t.equals("probe") || t.equals("private")
                || t.startsWith("%") || t.equals("@") || t.equals(";");
    }

    private static boolean isIdentifier(String t) {
        if (t.isEmpty() || !(Character.isLetter(t.charAt(0)) || t.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Identifiers and numbers, strings (as one token), embedded C blocks (as one token starting
     * {@code %{}), {@code +=} and comparisons, and single punctuation characters; comments dropped. Null
     * when the text has a preprocessor conditional or an unterminated comment, string or block. A macro
     * ({@code @name}) at the top level is left to {@link #declarations()} to call opaque.
     */
    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : '\0';
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || c == '/' && next == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && next == '*') {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    return null;
                }
                i = end + 2;
            } else if (c == '%' && next == '{') {
                int end = s.indexOf("%}", i + 2);
                if (end < 0) {
                    return null;
                }
                out.add("%{");
                i = end + 2;
            } else if (c == '%' && next == '(') {
                return null; // a preprocessor conditional: only a parse knows which branch declares what
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= n) {
                    return null;
                }
                out.add("\"");
                i = j + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (c == '+' && next == '=') {
                out.add("+=");
                i += 2;
            } else if (c == '=' && next == '=' || c == '!' && next == '=' || c == '<' && next == '='
                    || c == '>' && next == '=') {
                out.add(s.substring(i, i + 2)); // comparisons are not the alias '='
                i += 2;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }
}
