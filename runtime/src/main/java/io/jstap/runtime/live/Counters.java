package io.jstap.runtime.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Per-snippet tallies the kernel does not keep: userspace handler runs and run-time errors. */
final class Counters {

    private final Map<Integer, AtomicLong> hits = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> errors = new ConcurrentHashMap<>();

    void hit(int snippet) {
        if (snippet > 0) {
            hits.computeIfAbsent(snippet, k -> new AtomicLong()).incrementAndGet();
        }
    }

    void error(int snippet) {
        if (snippet > 0) {
            errors.computeIfAbsent(snippet, k -> new AtomicLong()).incrementAndGet();
        }
    }

    long hits(int snippet) {
        AtomicLong n = hits.get(snippet);
        return n == null ? 0 : n.get();
    }

    long errors(int snippet) {
        AtomicLong n = errors.get(snippet);
        return n == null ? 0 : n.get();
    }

    void clear() {
        hits.clear();
        errors.clear();
    }
}
