package io.jstap.compiler.parse;

/** The two string comparisons stap's conditionals use: strverscmp(3) and fnmatch(3) without escapes. */
final class VersionMatch {
    private VersionMatch() {
    }

    /**
     * Compares versions the way strverscmp does for the strings conditionals meet ("5.15.0-91-generic" vs
     * "5.4"): runs of digits compare as numbers, everything else as characters. A digit run with leading
     * zeros is a fraction and sorts before the integers, more leading zeros first.
     */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int ei = runEnd(a, i);
                int ej = runEnd(b, j);
                int c = compareRuns(a.substring(i, ei), b.substring(j, ej));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else if (ca != cb) {
                return Character.compare(ca, cb);
            } else {
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int compareRuns(String x, String y) {
        int zx = leadingZeros(x);
        int zy = leadingZeros(y);
        boolean fx = zx > 0 && x.length() > 1;
        boolean fy = zy > 0 && y.length() > 1;
        if (fx != fy) {
            return fx ? -1 : 1;
        }
        if (fx) {
            if (zx != zy) {
                return zx > zy ? -1 : 1;
            }
            return x.compareTo(y);
        }
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return x.compareTo(y);
    }

    private static int leadingZeros(String s) {
        int n = 0;
        while (n < s.length() && s.charAt(n) == '0') {
            n++;
        }
        return n;
    }

    private static int runEnd(String s, int from) {
        int k = from;
        while (k < s.length() && isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    /** fnmatch(pattern, text, FNM_NOESCAPE): {@code *}, {@code ?} and {@code [a-z]}/{@code [!...]} classes. */
    static boolean glob(String p, String t) {
        // Greedy match with one backtrack point per star: linear in practice, never exponential.
        int pi = 0;
        int ti = 0;
        int starP = -1;
        int starT = -1;
        while (ti < t.length()) {
            if (pi < p.length() && p.charAt(pi) == '*') {
                starP = ++pi;
                starT = ti;
                continue;
            }
            int next = pi < p.length() ? matchOne(p, pi, t.charAt(ti)) : -1;
            if (next >= 0) {
                pi = next;
                ti++;
            } else if (starP >= 0) {
                pi = starP;
                ti = ++starT;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /** Where the pattern goes on if its element at {@code pi} matches {@code c}; -1 if it does not. */
    private static int matchOne(String p, int pi, char c) {
        char e = p.charAt(pi);
        if (e == '[') {
            int end = classEnd(p, pi);
            if (end > 0) {
                return inClass(p, pi + 1, end, c) ? end + 1 : -1;
            }
        }
        return e == '?' || e == c ? pi + 1 : -1;
    }

    /** Index of the ']' closing the class opened at {@code open}, or -1 (then '[' is an ordinary character). */
    private static int classEnd(String p, int open) {
        int k = open + 1;
        if (k < p.length() && (p.charAt(k) == '!' || p.charAt(k) == '^')) {
            k++;
        }
        if (k < p.length() && p.charAt(k) == ']') {
            k++;
        }
        while (k < p.length() && p.charAt(k) != ']') {
            k++;
        }
        return k < p.length() ? k : -1;
    }

    private static boolean inClass(String p, int from, int end, char c) {
        boolean negate = p.charAt(from) == '!' || p.charAt(from) == '^';
        int k = negate ? from + 1 : from;
        boolean found = false;
        boolean first = true;
        while (k < end) {
            char lo = p.charAt(k);
            if (lo == ']' && !first) {
                break;
            }
            first = false;
            if (k + 2 < end && p.charAt(k + 1) == '-') {
                if (c >= lo && c <= p.charAt(k + 2)) {
                    found = true;
                }
                k += 3;
            } else {
                if (c == lo) {
                    found = true;
                }
                k++;
            }
        }
        return found != negate;
    }
}
