package io.jstap.compiler.format;

/**
 * stap's {@code _stp_text_str} ({@code runtime/stp_string.c}), behind {@code text_str},
 * {@code text_strn} and {@code string_quoted}: printable ASCII is kept, C escapes ({@code \n},
 * {@code \"}, ...) and 3-digit octal replace other ASCII, non-ASCII characters become
 * {@code \\uXXXX} or {@code \\UXXXXXXXX} (upper-case hex). Quoted output that runs out of room ends
 * in {@code "...} and never splits an escape sequence.
 */
final class TextEscaper {
    private TextEscaper() {
    }

    /**
     * @param in     the string (at most MAXSTRINGLEN-1 bytes)
     * @param outlen the most bytes to produce, 0 or out of range meaning MAXSTRINGLEN-1
     * @param quoted whether to put double quotes around the result
     */
    static String escape(String in, long outlen, boolean quoted, int maxStringLen) {
        in = Utf8.truncate(in, maxStringLen - 1); // a stap string never holds more
        int inlen = maxStringLen - 1;
        int room = outlen <= 0 || outlen > maxStringLen - 1 ? maxStringLen - 1 : (int) outlen;
        StringBuilder out = new StringBuilder();
        if (quoted) {
            room = Math.max(room, 5) - 2;
            out.append('"');
        }
        int esc = -1;     // start of the first escape the closing '"...' could cut into
        int escLen = 0;
        int c = 0;
        int i = 0;
        while (inlen > 0) {
            int n;
            if (i >= in.length()) {
                c = 0; // the terminating NUL
                n = 1;
            } else {
                c = Utf8.codePointAt(in, i);
                n = Utf8.codePointLength(c);
            }
            if (c == 0 || room <= 0) {
                break;
            }
            i += Character.charCount(c);
            inlen -= n;
            int num;
            if (n > 1) {
                num = c <= 0xFFFF ? 6 : 10;
                if (esc < 0 && room - 3 < num) {
                    esc = out.length();
                    escLen = num;
                }
                if (room < num) {
                    break;
                }
                out.append('\\').append(c <= 0xFFFF ? 'u' : 'U');
                String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
                out.append("0".repeat(num - 2 - hex.length())).append(hex);
            } else if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                num = 1;
                out.append((char) c);
            } else {
                char letter = letter(c);
                num = letter != 0 ? 2 : 4;
                if (esc < 0 && room - 3 < num) {
                    esc = out.length();
                    escLen = num;
                }
                if (room < num) {
                    break;
                }
                out.append('\\');
                if (letter != 0) {
                    out.append(letter);
                } else {
                    out.append((char) ('0' + ((c >> 6) & 3))).append((char) ('0' + ((c >> 3) & 7)))
                            .append((char) ('0' + (c & 7)));
                }
            }
            room -= num;
        }
        if (quoted) {
            if (c != 0 && inlen > 0) {
                int cut = out.length() - 3 + room;
                if (esc >= 0 && esc < cut && cut < esc + escLen) {
                    cut = esc;
                }
                out.setLength(Math.max(1, Math.min(cut, out.length())));
                out.append("\"...");
            } else {
                out.append('"');
            }
        }
        return out.toString();
    }

    private static char letter(int c) {
        switch (c) {
            case 7: return 'a';
            case '\b': return 'b';
            case '\f': return 'f';
            case '\n': return 'n';
            case '\r': return 'r';
            case '\t': return 't';
            case 11: return 'v';
            case '"': return '"';
            case '\\': return '\\';
            default: return 0;
        }
    }
}
