package io.jstap.runtime.live;

import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.Module;
import io.jstap.linux.BpfException;
import io.jstap.runtime.kernel.Attachment;
import io.jstap.runtime.kernel.BpfMap;
import io.jstap.runtime.kernel.KernelObject;
import io.jstap.runtime.kernel.KernelResources;
import io.jstap.runtime.kernel.LoadedProgram;
import io.jstap.runtime.session.KernelPoints;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kernel half of a reload, as a transaction over the session's one {@link KernelResources} scope
 * (DESIGN §5): {@link #prepare} reuses every map whose shape is unchanged and every probe whose program and
 * points are unchanged, creates, loads and attaches the rest; it either returns a {@link Transition} whose
 * {@link Transition#commit} retires what the old generation alone used, or closes what it made and throws.
 */
final class Reloader {

    private final KernelResources kr;

    Reloader(KernelResources kr) {
        this.kr = kr;
    }

    /** A prepared reload: the next generation is loaded (and attached) alongside the current one. */
    final class Transition {
        final KernelSet next;
        /** Globals whose maps are new: initialisers run for them. */
        final Set<String> freshGlobals;
        /** Globals that had a map of another shape, whose values are gone. */
        final Set<String> reshapedGlobals;
        /** Kernel probes that got a new program (and attachments, unless paused). */
        final List<LiveProbe> newProbes;
        private final List<KernelObject> created;
        private final List<LiveProbe> retired;
        private final List<BpfMap> retiredMaps;

        private Transition(KernelSet next, Set<String> fresh, Set<String> reshaped, List<LiveProbe> newProbes,
                           List<KernelObject> created, List<LiveProbe> retired, List<BpfMap> retiredMaps) {
            this.next = next;
            this.freshGlobals = fresh;
            this.reshapedGlobals = reshaped;
            this.newProbes = newProbes;
            this.created = created;
            this.retired = retired;
            this.retiredMaps = retiredMaps;
        }

        /** Probes of the current generation that the next one does not keep. */
        List<LiveProbe> retired() {
            return retired;
        }

        /** Detaches and unloads what only the old generation used (detaching in parallel), frees its maps. */
        void commit() {
            List<Attachment> detach = new ArrayList<>();
            for (LiveProbe p : retired) {
                detach.addAll(p.takeAttachments());
            }
            RuntimeException failure = KernelResources.closeConcurrently(detach);
            for (LiveProbe p : retired) {
                p.program().close();
            }
            retiredMaps.forEach(BpfMap::close);
            if (failure != null) {
                throw failure;
            }
        }

        /** Closes everything this reload made; the current generation is untouched. */
        void rollback() {
            closeNewestFirst(created);
        }
    }

    /**
     * Loads {@code module} next to {@code current}. With {@code attach} false (the session is paused) new
     * probes are loaded but not attached.
     */
    Transition prepare(KernelSet current, Module module, boolean attach) {
        List<KernelObject> created = new ArrayList<>();
        try {
            Set<String> fresh = new LinkedHashSet<>();
            Set<String> reshaped = new LinkedHashSet<>();
            Map<String, LiveMap> maps = maps(current, module, created, fresh, reshaped);
            List<LiveProbe> probes = new ArrayList<>();
            List<LiveProbe> added = new ArrayList<>();
            Map<String, Deque<LiveProbe>> pool = pool(current);
            for (KernelProbe p : module.kernelProbes()) {
                LiveProbe kept = take(pool, p, maps);
                if (kept != null) {
                    probes.add(kept.handOver(p));
                    continue;
                }
                LiveProbe lp = load(p, maps, created);
                probes.add(lp);
                added.add(lp);
            }
            if (attach) {
                for (LiveProbe lp : added) {
                    attach(lp, created);
                }
            }
            List<LiveProbe> retired = new ArrayList<>();
            pool.values().forEach(retired::addAll);
            List<BpfMap> retiredMaps = new ArrayList<>();
            for (LiveMap old : current.maps().values()) {
                LiveMap now = maps.get(old.def().name());
                if (now == null || now.map() != old.map()) {
                    retiredMaps.add(old.map());
                }
            }
            return new Transition(new KernelSet(module, maps, probes), fresh, reshaped, added, created, retired,
                    retiredMaps);
        } catch (RuntimeException e) {
            closeNewestFirst(created);
            throw e instanceof ReloadException ? e : new ReloadException(message(e), null, null, e);
        }
    }

    private Map<String, LiveMap> maps(KernelSet current, Module module, List<KernelObject> created,
                                      Set<String> fresh, Set<String> reshaped) {
        Map<String, LiveMap> out = new LinkedHashMap<>();
        for (MapDef d : module.maps()) {
            LiveMap old = current.maps().get(d.name());
            if (old != null && LiveMap.sameShape(old.def(), d)) {
                out.put(d.name(), new LiveMap(d, old.map()));
                continue;
            }
            BpfMap m;
            try {
                m = kr.createMap(KernelPoints.mapSpec(d));
            } catch (RuntimeException e) {
                throw new ReloadException("cannot create map " + d.name() + ": " + message(e), null, null, e);
            }
            created.add(m);
            out.put(d.name(), new LiveMap(d, m));
            if (d.role() == MapDef.Role.GLOBAL) {
                fresh.add(d.global().name());
                if (old != null) {
                    reshaped.add(d.global().name());
                }
            }
        }
        return out;
    }

    private static Map<String, Deque<LiveProbe>> pool(KernelSet current) {
        Map<String, Deque<LiveProbe>> pool = new HashMap<>();
        for (LiveProbe p : current.probes()) {
            pool.computeIfAbsent(p.signature(), k -> new ArrayDeque<>()).add(p);
        }
        return pool;
    }

    private static LiveProbe take(Map<String, Deque<LiveProbe>> pool, KernelProbe p, Map<String, LiveMap> maps) {
        String sig = LiveProbe.signature(p);
        Deque<LiveProbe> same = pool.get(sig);
        if (same == null) {
            return null;
        }
        Map<String, BpfMap> used = KernelSet.usedBy(p, maps);
        for (LiveProbe old : same) {
            if (old.reusableFor(p, sig, used)) {
                same.remove(old);
                return old;
            }
        }
        return null;
    }

    private LiveProbe load(KernelProbe p, Map<String, LiveMap> maps, List<KernelObject> created) {
        byte[] insns = p.code().bytesWithFds(ref -> {
            LiveMap m = maps.get(ref.name());
            if (m == null) {
                throw new ReloadException("probe " + p.name() + " uses map " + ref.name()
                        + ", which the module does not define (a compiler bug)", p.loc(), null, null);
            }
            return m.map().fd();
        });
        try {
            LoadedProgram prog = kr.load(KernelPoints.programLoad(p, insns));
            created.add(prog);
            return new LiveProbe(p, prog, KernelSet.usedBy(p, maps));
        } catch (BpfException e) {
            throw new ReloadException("probe " + p.name() + ": " + KernelPoints.loadFailure(e), p.loc(),
                    e.verifierLog(), e);
        }
    }

    /** Attaches every point of {@code lp}; what it attached is in {@code created} if a later point fails. */
    void attach(LiveProbe lp, List<KernelObject> created) {
        long t0 = System.nanoTime();
        for (Attach a : lp.probe().attach()) {
            try {
                Attachment at = KernelPoints.attach(kr, lp.program(), a);
                created.add(at);
                lp.attached(at);
            } catch (RuntimeException e) {
                throw new ReloadException("probe " + lp.probe().name() + ": cannot attach "
                        + a.describe() + ": " + message(e), lp.probe().loc(), null, e);
            }
        }
        lp.attachedAll(System.nanoTime() - t0);
    }

    /** Detaches every probe (in parallel: a tracepoint detach waits for an RCU grace period). */
    static void detachAll(List<LiveProbe> probes) {
        List<Attachment> all = new ArrayList<>();
        for (LiveProbe p : probes) {
            all.addAll(p.takeAttachments());
        }
        RuntimeException failure = KernelResources.closeConcurrently(all);
        if (failure != null) {
            throw failure;
        }
    }

    /** Attachments first (in parallel), then programs and maps, newest first. */
    static void closeNewestFirst(List<KernelObject> objects) {
        List<KernelObject> attachments = new ArrayList<>();
        List<KernelObject> rest = new ArrayList<>();
        for (int i = objects.size() - 1; i >= 0; i--) {
            KernelObject o = objects.get(i);
            (o instanceof Attachment ? attachments : rest).add(o);
        }
        KernelResources.closeConcurrently(attachments);
        for (KernelObject o : rest) {
            try {
                o.close();
            } catch (RuntimeException e) {
                // closing an fd only fails if it is already gone; nothing is left to release
            }
        }
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.toString() : m;
    }
}
