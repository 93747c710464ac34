package io.jstap.compiler.complete;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects proposals, each with the key the typed word is matched against (the bare name, while the value
 * may carry quotes, parentheses or a directory). {@link #select} keeps case-sensitive prefix matches, or,
 * when there are none, case-insensitive substring matches; then sorts and drops duplicate values (the first
 * added wins, so callers add the most specific kinds first).
 */
final class CandidateList {

    private static final Comparator<Proposal> ORDER =
        Comparator.comparing(Proposal::key).thenComparing(p -> p.candidate.value());

    private record Proposal(String key, Candidate candidate) {
    }

    private final List<Proposal> proposals = new ArrayList<>();

    void add(String key, Candidate candidate) {
        proposals.add(new Proposal(key, candidate));
    }

    void add(String key, String value, String display, String description, Kind kind, boolean complete) {
        add(key, new Candidate(value, display, description, kind, complete));
    }

    List<Candidate> select(String needle) {
        List<Proposal> hits = new ArrayList<>();
        for (Proposal p : proposals) {
            if (p.key.startsWith(needle)) {
                hits.add(p);
            }
        }
        if (hits.isEmpty() && !needle.isEmpty()) {
            String lower = needle.toLowerCase(Locale.ROOT);
            for (Proposal p : proposals) {
                if (p.key.toLowerCase(Locale.ROOT).contains(lower)) {
                    hits.add(p);
                }
            }
        }
        Map<String, Proposal> unique = new LinkedHashMap<>();
        for (Proposal p : hits) {
            unique.putIfAbsent(p.candidate.value(), p);
        }
        List<Proposal> sorted = new ArrayList<>(unique.values());
        sorted.sort(ORDER);
        List<Candidate> out = new ArrayList<>(sorted.size());
        for (Proposal p : sorted) {
            out.add(p.candidate);
        }
        return out;
    }
}
