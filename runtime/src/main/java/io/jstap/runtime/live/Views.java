package io.jstap.runtime.live;

import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.UserProbe;
import io.jstap.runtime.kernel.Attachment;
import io.jstap.runtime.session.KernelPoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The listings of {@code :globals} and {@code :probes}, read from the running generation. */
final class Views {

    private Views() {
    }

    static List<GlobalView> globals(List<Snippet> active, Engine engine) {
        Generation g = engine.generation();
        Map<String, GlobalDecl> heap = engine.carrier().heapGlobals();
        List<GlobalView> out = new ArrayList<>();
        for (Snippet s : active) {
            if (s.kind() != Snippet.Kind.GLOBAL) {
                continue;
            }
            String name = s.name();
            MapDef def = g == null ? null : g.module().maps().stream()
                    .filter(m -> m.role() == MapDef.Role.GLOBAL && m.global() != null && m.global().name().equals(name))
                    .findFirst().orElse(null);
            GlobalDecl decl = def != null ? def.global()
                    : g != null && g.module().ir().global(name).isPresent() ? g.module().ir().global(name).get()
                    : heap.get(name);
            if (decl == null) {
                out.add(new GlobalView(name, "", -1, "unused", s.id()));
                continue;
            }
            int entries;
            try {
                entries = engine.generation() == null ? engine.carrier().heap().size(name) : g.store().size(name);
            } catch (RuntimeException e) {
                entries = -1;
            }
            String storage = def != null ? def.kind().toString() : "memory";
            out.add(new GlobalView(name, Describe.type(decl), entries, storage, s.id()));
        }
        return out;
    }

    static List<ProbeView> probes(List<Snippet> active, Engine engine, Map<Integer, long[]> lastSample) {
        Generation g = engine.generation();
        List<ProbeView> out = new ArrayList<>();
        long now = System.nanoTime();
        for (Snippet s : active) {
            if (s.kind() != Snippet.Kind.PROBE) {
                continue;
            }
            List<String> points = new ArrayList<>();
            int attachments = 0;
            long kernelHits = 0;
            boolean unknown = false;
            long since = 0;
            for (LiveProbe p : engine.probesOf(s.id())) {
                p.probe().attach().forEach(a -> points.add(a.describe()));
                List<Attachment> at = p.attachments();
                attachments += at.size();
                long runs = engine.runStats().runs(p.program());
                if (runs < 0) {
                    unknown = true;
                } else {
                    kernelHits += runs;
                }
                if (p.attachedAt() > 0) {
                    since = since == 0 ? p.attachedAt() : Math.min(since, p.attachedAt());
                }
            }
            boolean kernel = !points.isEmpty();
            if (g != null) {
                for (UserProbe u : g.module().userProbes()) {
                    if (g.snippetAt(u.ir().loc().line()) == s.id()) {
                        points.add(u.name());
                    }
                }
            }
            long hits = unknown && kernel ? -1 : kernelHits + engine.counters().hits(s.id());
            double rate = Double.NaN;
            long[] last = lastSample.get(s.id());
            if (hits >= 0) {
                long from = last != null ? last[0] : since;
                long base = last != null ? last[1] : 0;
                if (from > 0 && now > from) {
                    rate = (hits - base) * 1e9 / (now - from);
                }
                lastSample.put(s.id(), new long[] {now, hits});
            }
            out.add(new ProbeView(s, points, attachments, hits, engine.counters().errors(s.id()), rate));
        }
        return out;
    }
}
