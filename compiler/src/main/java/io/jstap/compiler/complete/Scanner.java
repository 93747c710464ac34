package io.jstap.compiler.complete;

import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving lexer for completion and completeness: it never fails, so half-typed and broken input still
 * yields tokens. Comments are dropped; the result says whether the text ends inside one.
 */
final class Scanner {

    /** Longest first, so that {@code <<=} wins over {@code <<} and {@code <}. */
    private static final String[] OPERATORS = {
        "<<<", "<<=", ">>=",
        "->", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", ".=", "==", "!=", "<=", ">=",
        "&&", "||", "<<", ">>", "=~", "!~",
    };

    /** What {@link #scan} found. */
    record Result(List<Token> tokens, boolean inComment, boolean inBlockComment) {

        Token last() {
            return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        }

        /** True when the text ends inside a string literal. */
        boolean inString() {
            Token t = last();
            return t != null && t.type() == Token.Type.STRING && !t.closed();
        }

        /** True when the text ends inside an embedded-C block. */
        boolean inEmbedded() {
            Token t = last();
            return t != null && t.type() == Token.Type.EMBEDDED && !t.closed();
        }
    }

    private Scanner() {
    }

    static Result scan(CharSequence s, int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || (c == '/' && i + 1 < to && s.charAt(i + 1) == '/')) {
                int nl = indexOf(s, '\n', i, to);
                if (nl < 0) {
                    return new Result(out, true, false);
                }
                i = nl + 1;
            } else if (c == '/' && i + 1 < to && s.charAt(i + 1) == '*') {
                int close = indexOf(s, "*/", i + 2, to);
                if (close < 0) {
                    return new Result(out, true, true);
                }
                i = close + 2;
            } else if (c == '"') {
                i = string(s, i, to, out);
            } else if (isIdentStart(c)) {
                int j = identEnd(s, i + 1, to);
                out.add(new Token(Token.Type.IDENT, s.subSequence(i, j).toString(), i, j, true));
                i = j;
            } else if (isDigit(c)) {
                int j = identEnd(s, i + 1, to);   // also takes 0x1f and suffix garbage in one token
                out.add(new Token(Token.Type.NUMBER, s.subSequence(i, j).toString(), i, j, true));
                i = j;
            } else if (c == '$' || c == '@') {
                int j = i + 1;
                while (j < to && s.charAt(j) == '$') {
                    j++;
                }
                j = identEnd(s, j, to);
                if (c == '$' && j < to && s.charAt(j) == '$' && j > i + 2) {
                    j++;   // $$vars$ pretty-prints structs
                }
                Token.Type type = c == '$' ? Token.Type.DOLLAR : Token.Type.AT;
                out.add(new Token(type, s.subSequence(i, j).toString(), i, j, true));
                i = j;
            } else if (c == '%' && i + 1 < to && "(?:)".indexOf(s.charAt(i + 1)) >= 0) {
                out.add(new Token(Token.Type.COND, s.subSequence(i, i + 2).toString(), i, i + 2, true));
                i += 2;
            } else if (c == '%' && i + 1 < to && s.charAt(i + 1) == '{') {
                int close = indexOf(s, "%}", i + 2, to);
                int end = close < 0 ? to : close + 2;
                out.add(new Token(Token.Type.EMBEDDED, s.subSequence(i, end).toString(), i, end, close >= 0));
                i = end;
            } else {
                String op = operator(s, i, to);
                out.add(new Token(Token.Type.OP, op, i, i + op.length(), true));
                i += op.length();
            }
        }
        return new Result(out, false, false);
    }

    static Result scan(CharSequence s) {
        return scan(s, 0, s.length());
    }

    private static int string(CharSequence s, int start, int to, List<Token> out) {
        StringBuilder text = new StringBuilder();
        int i = start + 1;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '"') {
                out.add(new Token(Token.Type.STRING, text.toString(), start, i + 1, true));
                return i + 1;
            }
            if (c == '\\' && i + 1 < to) {
                text.append(unescape(s.charAt(i + 1)));
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        out.add(new Token(Token.Type.STRING, text.toString(), start, to, false));
        return to;
    }

    private static char unescape(char c) {
        switch (c) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            default: return c;
        }
    }

    private static String operator(CharSequence s, int i, int to) {
        char c = s.charAt(i);
        for (String op : OPERATORS) {
            if (op.charAt(0) == c && i + op.length() <= to && regionMatches(s, i, op)) {
                return op;
            }
        }
        return String.valueOf(s.charAt(i));
    }

    private static boolean regionMatches(CharSequence s, int at, String what) {
        for (int k = 0; k < what.length(); k++) {
            if (s.charAt(at + k) != what.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(CharSequence s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(CharSequence s, String what, int from, int to) {
        for (int i = from; i + what.length() <= to; i++) {
            if (regionMatches(s, i, what)) {
                return i;
            }
        }
        return -1;
    }

    private static int identEnd(CharSequence s, int i, int to) {
        while (i < to && isIdentPart(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
