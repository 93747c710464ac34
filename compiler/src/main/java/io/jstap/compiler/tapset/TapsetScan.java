package io.jstap.compiler.tapset;

import io.jstap.compiler.parse.StapLexer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * The names a tapset file declares at its top level, found by a scan of its tokens instead of a parse, so
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
                || t.startsWith("%") || t.startsWith("@") || t.equals(";");
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
     * The text's tokens from the language's own lexer, comments dropped; strings become {@code "} and
     * embedded C blocks {@code %{}. Null when the text has a preprocessor conditional (only a parse knows
     * which branch declares what) or something the lexer cannot finish (an unterminated comment, string or
     * block, a stray character).
     */
    private static List<String> tokens(String s) {
        StapLexer lexer = new StapLexer(CharStreams.fromString(s));
        lexer.removeErrorListeners();
        boolean[] failed = {false};
        lexer.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int col, String msg,
                    RecognitionException e) {
                failed[0] = true;
            }
        });
        List<String> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            switch (t.getType()) {
                case StapLexer.PP_OPEN:
                case StapLexer.UNCLOSED_STRING:
                case StapLexer.UNCLOSED_EMBEDDED:
                case StapLexer.UNCLOSED_COMMENT:
                    return null;
                case StapLexer.STRING:
                    out.add("\"");
                    break;
                case StapLexer.EMBEDDED:
                    out.add("%{");
                    break;
                default:
                    out.add(t.getText());
            }
        }
        return failed[0] ? null : out;
    }
}
