package io.jstap.compiler.sema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** "did you mean" suggestions: the nearest candidates by edit distance, closest first. */
public final class DidYouMean {
    private static final int MAX_SHOWN = 5;

    private DidYouMean() {
    }

    /** Candidates within a distance that grows with the length of {@code word}, at most five. */
    public static List<String> suggest(String word, Collection<String> candidates) {
        int limit = Math.max(2, word.length() / 3);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String c : candidates) {
            if (c.equals(word) || !seen.add(c) || Math.abs(c.length() - word.length()) > limit) {
                continue;
            }
            int d = distance(word, c, limit);
            if (d <= limit) {
                scored.add(new Scored(c, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(MAX_SHOWN).map(Scored::name).toList();
    }

    /** The note line, or null when there is nothing to suggest. */
    public static String note(String word, Collection<String> candidates) {
        List<String> s = suggest(word, candidates);
        return s.isEmpty() ? null : "did you mean: " + String.join(" ", s) + "?";
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of neighbours (the usual typos),
     * giving up (returning limit + 1) once it must exceed {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        int n = b.length();
        int[] prev2 = new int[n + 1];
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        for (int j = 0; j <= n; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= n; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, prev2[j - 2] + 1);
                }
                cur[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[n];
    }
}
