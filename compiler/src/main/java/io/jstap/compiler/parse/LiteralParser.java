package io.jstap.compiler.parse;

import java.math.BigInteger;

/** Values of number and string literals, with stap's (that is, C's) rules. */
final class LiteralParser {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger TWO_63 = BigInteger.ONE.shiftLeft(63);

    private LiteralParser() {
    }

    /** Thrown for a number stap rejects with "number invalid or out of range". */
    static final class BadNumber extends Exception {
        private static final long serialVersionUID = 1L;

        BadNumber() {
            super("number invalid or out of range", null, false, false);
        }
    }

    /**
     * A literal as strtoull(text, 0) reads it: 0x hexadecimal, a leading 0 octal, else decimal, up to
     * 2^64-1 (wrapping into the negative longs, as stap does). With {@code negated} (a '-' written in front
     * where stap takes a signed literal) the limit is 2^63 and the value is negated.
     */
    static long number(String text, boolean negated) throws BadNumber {
        int radix = 10;
        String digits = text;
        if (text.length() > 1 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            radix = 16;
            digits = text.substring(2);
        } else if (text.length() > 1 && text.charAt(0) == '0') {
            radix = 8;
            digits = text.substring(1);
        }
        if (digits.isEmpty()) {
            throw new BadNumber();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), radix) < 0 || digits.charAt(i) > 0x7f) {
                throw new BadNumber();
            }
        }
        if (digits.length() > 70) {
            throw new BadNumber();
        }
        BigInteger value = new BigInteger(digits, radix);
        if (value.compareTo(TWO_64) >= 0 || negated && value.compareTo(TWO_63) > 0) {
            throw new BadNumber();
        }
        long v = value.longValue();
        return negated ? -v : v;
    }

    /** The value of one string token (quotes included), escapes decoded. */
    static String string(String token) {
        int end = token.length() > 1 && token.endsWith("\"") ? token.length() - 1 : token.length();
        StringBuilder sb = new StringBuilder(end);
        for (int i = 1; i < end; i++) {
            char c = token.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                sb.append(c);
                continue;
            }
            char e = token.charAt(++i);
            switch (e) {
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case 'r': sb.append('\r'); break;
                case 'a': sb.append((char) 7); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'v': sb.append((char) 0x0b); break;
                case 'x': {
                    int value = 0;
                    int n = 0;
                    while (n < 2 && i + 1 < end && Character.digit(token.charAt(i + 1), 16) >= 0
                            && token.charAt(i + 1) < 0x80) {
                        value = value * 16 + Character.digit(token.charAt(++i), 16);
                        n++;
                    }
                    sb.append(n == 0 ? 'x' : (char) value);
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int n = 1; n < 3 && i + 1 < end && token.charAt(i + 1) >= '0'
                                && token.charAt(i + 1) <= '7'; n++) {
                            value = value * 8 + token.charAt(++i) - '0';
                        }
                        sb.append((char) (value & 0xff));
                    } else {
                        // \\, \" and any other escaped character stand for themselves, as in stap's lexer.
                        sb.append(e);
                    }
            }
        }
        return sb.toString();
    }
}
