package io.jstap.compiler.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a format string into segments with the grammar of stap's parser
 * ({@code print_format::string_to_components}), quirks included:
 * <ul>
 * <li>at most one flag character is read, so in {@code %-05d} the {@code 0} belongs to the width
 *     (left-justified, width 5) and {@code %+-5d} is an invalid conversion;</li>
 * <li>one optional {@code l} length modifier is skipped ({@code %ld} is {@code %d}, {@code %lld} is
 *     invalid);</li>
 * <li>a {@code .} followed by neither digits nor {@code *} leaves the precision unspecified;</li>
 * <li>a directive that ends the string having recorded nothing ({@code "%l"}, {@code "%."}) is
 *     dropped silently, while one that recorded a flag, width or precision is an error;</li>
 * <li>a lone {@code %} at the very end is literal text.</li>
 * </ul>
 */
final class FormatParser {
    static final String INVALID_CONVERSION = "invalid or missing conversion specifier";
    static final String TRAILING_INCOMPLETE = "trailing incomplete print format conversion";

    private final String fmt;
    private final List<Segment> out = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    private int i;

    private FormatParser(String fmt) {
        this.fmt = fmt;
    }

    static List<Segment> parse(String fmt) throws FormatException {
        FormatParser p = new FormatParser(fmt);
        p.run();
        return List.copyOf(p.out);
    }

    private void run() throws FormatException {
        int n = fmt.length();
        while (i < n) {
            char ch = fmt.charAt(i);
            if (ch != '%') {
                literal.append(ch);
                i++;
            } else if (i + 1 == n || fmt.charAt(i + 1) == '%') {
                literal.append('%');
                i += 2;
            } else {
                flushLiteral();
                if (!directive()) {
                    return; // the string ended inside a directive that recorded nothing
                }
            }
        }
        flushLiteral();
    }

    private void flushLiteral() {
        if (literal.length() > 0) {
            out.add(new Segment.Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    /** Parses one directive starting at the '%'; false if the string ended before its letter. */
    private boolean directive() throws FormatException {
        int start = i;
        int n = fmt.length();
        i++; // the '%'
        int flags = flag(fmt.charAt(i));
        boolean recorded = flags != 0;
        if (flags != 0) {
            i++;
        }
        int width = -1;
        boolean widthDynamic = false;
        if (i < n && fmt.charAt(i) == '*') {
            widthDynamic = true;
            recorded = true;
            i++;
        } else if (i < n && isDigit(fmt.charAt(i))) {
            width = digits();
            recorded = true;
        }
        int precision = -1;
        boolean precisionDynamic = false;
        if (i < n && fmt.charAt(i) == '.') {
            i++;
            if (i < n && fmt.charAt(i) == '*') {
                precisionDynamic = true;
                recorded = true;
                i++;
            } else if (i < n && isDigit(fmt.charAt(i))) {
                precision = digits();
                recorded = true;
            }
        }
        if (i < n && fmt.charAt(i) == 'l') {
            i++;
        }
        if (i >= n) {
            if (recorded) {
                throw new FormatException(TRAILING_INCOMPLETE, start);
            }
            return false;
        }
        char type = fmt.charAt(i);
        switch (type) {
            case 'd': case 'i':
                flags |= Conversion.FLAG_SIGN;
                break;
            case 'X':
                flags |= Conversion.FLAG_LARGE;
                break;
            case 'p':
                flags |= Conversion.FLAG_SPECIAL; // since stap 1.3, %p is %#x
                break;
            case 'u': case 'o': case 'x': case 'c': case 's': case 'b': case 'm': case 'M':
                break;
            default:
                throw new FormatException(INVALID_CONVERSION, i);
        }
        i++;
        out.add(new Conversion(type, flags, width, widthDynamic, precision, precisionDynamic, start));
        return true;
    }

    private static int flag(char c) {
        switch (c) {
            case '0': return Conversion.FLAG_ZEROPAD;
            case '+': return Conversion.FLAG_PLUS;
            case '-': return Conversion.FLAG_LEFT;
            case ' ': return Conversion.FLAG_SPACE;
            case '#': return Conversion.FLAG_SPECIAL;
            default: return 0;
        }
    }

    /** Reads a run of digits; like stap's unsigned accumulator it wraps rather than failing. */
    private int digits() {
        int v = 0;
        while (i < fmt.length() && isDigit(fmt.charAt(i))) {
            v = v * 10 + (fmt.charAt(i) - '0');
            i++;
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
