package io.jstap.repl.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours input as it is typed with a light scanner of its own (no parser on every key press): keywords,
 * strings, numbers, comments, {@code @} operators and {@code $} context variables, {@code :commands}; a
 * closing bracket without its opener and a string or comment left open at the end show as errors.
 */
final class ShellHighlighter implements Highlighter {

    static final Set<String> KEYWORDS = Set.of("probe", "global", "function", "private", "if", "else", "while",
            "for", "foreach", "in", "limit", "delete", "next", "break", "continue", "return", "try", "catch", "long",
            "string");

    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT + AttributedStyle.BLACK);
    static final AttributedStyle OPERATOR = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle ERROR = AttributedStyle.DEFAULT.foreground(AttributedStyle.WHITE)
            .background(AttributedStyle.RED);
    static final AttributedStyle COMMAND = AttributedStyle.BOLD;

    private final BooleanSupplier colour;

    ShellHighlighter(BooleanSupplier colour) {
        this.colour = colour;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return colour.getAsBoolean() ? highlight(buffer) : new AttributedString(buffer);
    }

    static AttributedString highlight(String s) {
        AttributedStringBuilder sb = new AttributedStringBuilder(s.length() + 16);
        if (s.stripLeading().startsWith(":")) {
            int end = s.indexOf(' ', s.indexOf(':'));
            end = end < 0 ? s.length() : end;
            return sb.styled(COMMAND, s.substring(0, end)).append(s.substring(end)).toAttributedString();
        }
        Deque<Integer> open = new ArrayDeque<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int j;
            if (c == '#' || c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                j = s.indexOf('\n', i);
                j = j < 0 ? n : j;
                sb.styled(COMMENT, s.substring(i, j));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                j = close < 0 ? n : close + 2;
                sb.styled(close < 0 ? ERROR : COMMENT, s.substring(i, j));
            } else if (c == '"') {
                j = endOfString(s, i);
                boolean closed = j <= n && j > i + 1 && s.charAt(j - 1) == '"';
                j = Math.min(j, n);
                sb.styled(closed ? STRING : ERROR, s.substring(i, j));
            } else if (Character.isDigit(c)) {
                j = i;
                while (j < n && Character.isLetterOrDigit(s.charAt(j))) {
                    j++;
                }
                sb.styled(NUMBER, s.substring(i, j));
            } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '$') {
                j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                String w = s.substring(i, j);
                AttributedStyle st = KEYWORDS.contains(w) ? KEYWORD : c == '@' || c == '$' ? OPERATOR : null;
                if (st == null) {
                    sb.append(w);
                } else {
                    sb.styled(st, w);
                }
            } else if ("([{".indexOf(c) >= 0) {
                open.push(")]}".charAt("([{".indexOf(c)) + 0);
                sb.append(c);
                j = i + 1;
            } else if (")]}".indexOf(c) >= 0) {
                boolean matches = !open.isEmpty() && open.peek() == c;
                if (matches) {
                    open.pop();
                    sb.append(c);
                } else {
                    sb.styled(ERROR, String.valueOf(c));
                }
                j = i + 1;
            } else {
                sb.append(c);
                j = i + 1;
            }
            i = j;
        }
        return sb.toAttributedString();
    }

    /** Index just past the closing quote of the string at {@code i}, or past the end when it is open. */
    private static int endOfString(String s, int i) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '"') {
                return j + 1;
            }
            if (c == '\n') {
                return j;
            }
            j++;
        }
        return s.length() + 1;
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
    }

    @Override
    public void setErrorIndex(int errorIndex) {
    }
}
