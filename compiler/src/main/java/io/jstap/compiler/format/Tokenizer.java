package io.jstap.compiler.format;

/**
 * The state behind stap's {@code tokenize()}, which stap keeps in the probe context: each
 * {@code tokenize(input, delim)} with a non-empty input starts over on that input, and
 * {@code tokenize("", delim)} (or {@code tokenize(delim)}) continues where the previous call
 * stopped. Tokens are split at any character of {@code delim} ({@code strsep}), empty tokens are
 * skipped, and "" means no token is left. Each probe context needs its own instance.
 */
public final class Tokenizer {
    private String text;
    /** Where the next token starts, or -1 once the text is used up (strsep's NULL). */
    private int next = -1;

    /** {@code tokenize(input, delim)}. */
    public String tokenize(String input, String delim) {
        if (!input.isEmpty()) {
            text = input;
            next = 0;
        }
        String token;
        do {
            token = separate(delim);
        } while (token != null && token.isEmpty());
        return token == null ? "" : token;
    }

    /** {@code tokenize(delim)}: the next token of the previous input. */
    public String tokenize(String delim) {
        return tokenize("", delim);
    }

    /** C's {@code strsep}: the text up to the first delimiter, or the rest if there is none. */
    private String separate(String delim) {
        if (next < 0) {
            return null;
        }
        int start = next;
        int i = start;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (delim.indexOf(cp) >= 0) {
                next = i + Character.charCount(cp);
                return text.substring(start, i);
            }
            i += Character.charCount(cp);
        }
        next = -1;
        return text.substring(start);
    }
}
