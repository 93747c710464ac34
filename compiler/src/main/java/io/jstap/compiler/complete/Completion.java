package io.jstap.compiler.complete;

import java.util.List;

/**
 * The answer for one cursor position.
 *
 * @param replaceFrom offset in the buffer where the replaced word starts (the word ends at the cursor)
 * @param candidates  sorted, without duplicate values
 * @param note        an explanation to show when there is nothing (or nothing more) to offer, such as why
 *                    {@code kernel.function("} cannot be completed; empty when there is none
 */
public record Completion(int replaceFrom, List<Candidate> candidates, String note) {

    public Completion {
        candidates = List.copyOf(candidates);
        note = note == null ? "" : note;
    }

    public Completion(int replaceFrom, List<Candidate> candidates) {
        this(replaceFrom, candidates, "");
    }

    /** No candidates at {@code cursor}. */
    public static Completion none(int cursor) {
        return new Completion(cursor, List.of(), "");
    }

    /** The candidate values, in order; handy for callers and tests. */
    public List<String> values() {
        return candidates.stream().map(Candidate::value).toList();
    }
}
