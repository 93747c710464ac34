package io.jstap.compiler.complete;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Collects proposals, each with the key the typed word is matched against (the bare name, while the value
 * may carry quotes, parentheses or a directory). {@link #select} keeps case-sensitive prefix matches, or,
 * when there are none, case-insensitive substring matches; then sorts by key and drops duplicate values (the
 * first added wins, so callers add the most specific kinds first).
 */
final class CandidateList {

    private static final Comparator<Proposal> ORDER = (a, b) -> {
        int c = a.key.compareTo(b.key);
        return c != 0 ? c : a.candidate.value().compareTo(b.candidate.value());
    };

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
        List<Proposal> hits = new ArrayList<>(proposals.size());
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
        // stable, and every producer derives the value from the key, so duplicates end up adjacent with the
        // first added in front
        hits.sort(ORDER);
        List<Candidate> out = new ArrayList<>(hits.size());
        String previous = null;
        for (Proposal p : hits) {
            if (!p.candidate.value().equals(previous)) {
                out.add(p.candidate);
                previous = p.candidate.value();
            }
        }
        return out;
    }
}
