package io.jstap.runtime.live;

import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.exec.RuntimeLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session's snippets and their statuses, and the changes to the running set: declaring (with
 * replacement by name), dropping and replacing, each applied through the {@link Engine} as one reload and
 * reported as {@link SnippetEvent}s. On a failed reload nothing here changes but the new snippets' REJECTED
 * status.
 */
final class SnippetBook {

    private final List<Snippet> all = new ArrayList<>();
    private final Map<Integer, Snippet.Status> status = new HashMap<>();
    private List<Snippet> active = List.of();
    private int nextId = 1;

    int nextId() {
        return nextId;
    }

    /** The running declaration snippets, in module order. */
    List<Snippet> active() {
        return active;
    }

    List<Snippet> all() {
        return List.copyOf(all);
    }

    Snippet.Status status(Snippet s) {
        return status.get(s.id());
    }

    List<Snippet> macros() {
        return active.stream().filter(s -> s.kind() == Snippet.Kind.MACRO).toList();
    }

    /** Files a new snippet (a statement, or rejected input) under its status. */
    Snippet record(Snippet s, Snippet.Status st) {
        add(s);
        status.put(s.id(), st);
        return s;
    }

    /** Files {@code s} again under its id (a statement that ran as another kind). */
    void refile(Snippet s, Snippet.Status st) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == s.id()) {
                all.set(i, s);
            }
        }
        status.put(s.id(), st);
    }

    private Snippet add(Snippet s) {
        all.add(s);
        nextId = Math.max(nextId, s.id() + 1);
        return s;
    }

    static String withNewline(String s) {
        return s.endsWith("\n") ? s : s + "\n";
    }

    /** Adds (or with {@code replacing}, swaps in) the declarations of one input, as one reload. */
    List<SnippetEvent> declare(List<SnippetSplitter.Draft> drafts, Snippet replacing, Engine engine,
                               RuntimeLimits limits) {
        List<Snippet> next = new ArrayList<>(active);
        int insertAt = replacing == null ? -1 : next.indexOf(replacing);
        if (replacing != null) {
            next.remove(replacing);
        }
        Map<Snippet, Snippet> overwritten = new LinkedHashMap<>();
        List<Snippet> created = new ArrayList<>();
        int id = nextId;
        for (SnippetSplitter.Draft d : drafts) {
            Snippet s = new Snippet(id++, d.kind(), d.name(), withNewline(d.text()));
            created.add(s);
            Snippet old = d.kind().replacedByName() ? sameName(next, s) : null;
            if (old != null) {
                next.set(next.indexOf(old), s);
                overwritten.put(old, s);
            } else if (insertAt >= 0) {
                next.add(insertAt++, s);
            } else {
                next.add(s);
            }
        }
        created.forEach(this::add);
        Set<Integer> ids = new HashSet<>();
        created.forEach(s -> ids.add(s.id()));
        Engine.Outcome o = engine.apply(next, ids, limits);
        if (!o.ok()) {
            return rejected(created, o);
        }
        active = List.copyOf(next);
        List<SnippetEvent> events = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            Snippet s = created.get(i);
            List<String> notices = new ArrayList<>();
            overwritten.forEach((was, now) -> {
                if (now == s) {
                    notices.add("replaced " + was.kind() + " " + was.name() + " (#" + was.id() + ")");
                }
            });
            notices.addAll(o.notices().getOrDefault(s.id(), List.of()));
            if (i == 0) {
                notices.addAll(o.general());
            }
            Snippet.Status now = overwritten.containsKey(s) ? Snippet.Status.OVERWRITTEN : Snippet.Status.VALID;
            status.put(s.id(), now);
            events.add(new SnippetEvent(s, null, now, overwritten.get(s), null, null, diagnosticsOf(o.diagnostics(),
                    created, s), notices));
        }
        overwritten.forEach((was, now) -> {
            if (!created.contains(was)) {
                status.put(was.id(), Snippet.Status.OVERWRITTEN);
                events.add(new SnippetEvent(was, Snippet.Status.VALID, Snippet.Status.OVERWRITTEN, now, null, null,
                        List.of(), List.of()));
            }
        });
        if (replacing != null) {
            status.put(replacing.id(), Snippet.Status.DROPPED);
            events.add(new SnippetEvent(replacing, Snippet.Status.VALID, Snippet.Status.DROPPED, created.get(0), null,
                    null, List.of(), List.of()));
        }
        return events;
    }

    private static Snippet sameName(List<Snippet> snippets, Snippet s) {
        for (Snippet o : snippets) {
            if (o.kind() == s.kind() && o.name().equals(s.name())) {
                return o;
            }
        }
        return null;
    }

    private List<SnippetEvent> rejected(List<Snippet> created, Engine.Outcome o) {
        List<SnippetEvent> events = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            Snippet s = created.get(i);
            status.put(s.id(), Snippet.Status.REJECTED);
            boolean gets = o.errorSnippet() == s.id() || (i == 0 && created.stream().noneMatch(c -> c.id() == o.errorSnippet()));
            events.add(new SnippetEvent(s, null, Snippet.Status.REJECTED, null, null, gets ? o.error() : null,
                    diagnosticsOf(o.diagnostics(), created, s), List.of()));
        }
        return events;
    }

    /** The diagnostics located in {@code s}; the first snippet of an input also gets those located elsewhere. */
    private static List<Diagnostic> diagnosticsOf(List<Diagnostic> diags, List<Snippet> created, Snippet s) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diags) {
            String where = d.span() == null ? "" : d.span().source().name();
            boolean inCreated = created.stream().anyMatch(c -> c.sourceName().equals(where));
            if (where.equals(s.sourceName()) || (!inCreated && s == created.get(0))) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The running snippets {@code ref} names: {@code 3} or {@code #3}, or a global, function, macro or
     * alias name, or probe points as written. Empty when none does.
     */
    List<Snippet> find(String ref) {
        String r = ref.strip();
        String num = r.startsWith("#") ? r.substring(1) : r;
        if (!num.isEmpty() && num.chars().allMatch(Character::isDigit)) {
            int id;
            try {
                id = Integer.parseInt(num);
            } catch (NumberFormatException e) {
                return List.of();
            }
            return active.stream().filter(s -> s.id() == id).toList();
        }
        return active.stream().filter(s -> s.name().equals(r)).toList();
    }

    /** The one running snippet {@code ref} names; IllegalArgumentException saying why there is not one. */
    Snippet findOne(String ref) {
        List<Snippet> found = find(ref);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no snippet " + ref + " (see :list)");
        }
        if (found.size() > 1) {
            StringBuilder ids = new StringBuilder();
            found.forEach(s -> ids.append(" #").append(s.id()));
            throw new IllegalArgumentException(ref + " names several snippets:" + ids + "; give the number");
        }
        return found.get(0);
    }

    /**
     * Removes a running snippet. Refused (with the compiler's diagnostics and the snippet still VALID) when
     * the rest of the session needs it, e.g. a function a probe calls.
     */
    List<SnippetEvent> drop(Snippet s, Engine engine, RuntimeLimits limits) {
        if (!active.contains(s)) {
            throw new IllegalArgumentException("#" + s.id() + " is not part of the session");
        }
        List<Snippet> next = new ArrayList<>(active);
        next.remove(s);
        Engine.Outcome o = engine.apply(next, Set.of(), limits);
        if (!o.ok()) {
            String why = o.error() != null ? o.error() : "the rest of the session needs it";
            return List.of(new SnippetEvent(s, Snippet.Status.VALID, Snippet.Status.VALID, null, null,
                    "#" + s.id() + " not dropped: " + why, o.diagnostics(), List.of()));
        }
        active = List.copyOf(next);
        status.put(s.id(), Snippet.Status.DROPPED);
        List<String> notices = new ArrayList<>(o.general());
        if (s.kind() == Snippet.Kind.PROBE) {
            notices.add(0, "probe #" + s.id() + " detached");
        }
        return List.of(new SnippetEvent(s, Snippet.Status.VALID, Snippet.Status.DROPPED, null, null, null, List.of(),
                notices));
    }

    /** Marks every running snippet dropped (after the engine unloaded everything). */
    List<SnippetEvent> dropAll() {
        List<SnippetEvent> events = new ArrayList<>();
        for (Snippet s : active) {
            status.put(s.id(), Snippet.Status.DROPPED);
            events.add(new SnippetEvent(s, Snippet.Status.VALID, Snippet.Status.DROPPED, null, null, null, List.of(),
                    List.of()));
        }
        active = List.of();
        return events;
    }
}
