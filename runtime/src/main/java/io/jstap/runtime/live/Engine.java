package io.jstap.runtime.live;

import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.exec.HostContext;
import io.jstap.compiler.exec.Interpreter;
import io.jstap.compiler.exec.JvmHostContext;
import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.exec.ProbeOutcome;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.UserProbe;
import io.jstap.runtime.kernel.KernelObject;
import io.jstap.runtime.kernel.KernelResources;
import io.jstap.runtime.kernel.RingBufferReader;
import io.jstap.runtime.output.RecordDecoder;
import io.jstap.runtime.session.TimerProbes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running side of a live session: compiles a snippet set, reloads the kernel side as one transaction
 * ({@link Reloader}), carries values across ({@link GlobalCarrier}), keeps the ring buffer flowing through
 * every generation, fires userspace timers and runs begin probes of new snippets. Pause, resume, reset and
 * the end of the session live here too. Not thread-safe: the session serialises calls.
 */
final class Engine {

    /** What an {@link #apply} did: on failure nothing changed. */
    record Outcome(boolean ok, List<Diagnostic> diagnostics, String error, int errorSnippet,
                   Map<Integer, List<String>> notices, List<String> general) {
        static Outcome failed(List<Diagnostic> diags, String error, int snippet) {
            return new Outcome(false, diags, error, snippet, Map.of(), List.of());
        }
    }

    private final ModuleCompiler compiler;
    private final OutputSwitch out;
    private final KernelResources kr;
    private final Reloader reloader;
    private final RunStats runStats;
    private final Counters counters = new Counters();
    private final OutputRouter router = new OutputRouter();
    private final HostContext host = new JvmHostContext();
    private final GlobalCarrier carrier;
    private TimerProbes timers;
    private Generation gen;
    private boolean paused;
    private volatile Runnable onExit = () -> { };
    private volatile boolean exitRequested;

    Engine(ModuleCompiler compiler, OutputSwitch out, KernelResources kr, RuntimeLimits limits) {
        this.compiler = compiler;
        this.out = out;
        this.kr = kr;
        this.reloader = new Reloader(kr);
        this.runStats = new RunStats(kr.bpf());
        this.carrier = new GlobalCarrier(limits);
    }

    /** The joined text of {@code snippets}; {@code probe never {}} keeps a set without probes a script. */
    static SourceMap.Builder join(List<Snippet> snippets) {
        SourceMap.Builder b = SourceMap.builder();
        for (Snippet s : snippets) {
            b.add(s.id(), s.sourceName(), s.source());
        }
        return b;
    }

    /**
     * Makes {@code next} the running snippet set: compile, reload, then (only on success) run the begin
     * probes of the snippets in {@code added}.
     */
    Outcome apply(List<Snippet> next, Set<Integer> added, RuntimeLimits limits) {
        SourceMap.Builder b = join(next);
        if (next.stream().noneMatch(s -> s.kind() == Snippet.Kind.PROBE)) {
            b.wrapper(0, "probe never {}\n");
        }
        SourceMap map = b.build();
        ModuleCompiler.Compiled c = compiler.compile(List.of(map.source()), limits);
        List<Diagnostic> diags = c.diagnostics().list().stream().map(map::remap).toList();
        if (!c.ok()) {
            return Outcome.failed(diags, null, -1);
        }
        Module m = c.module();
        RecordDecoder decoder;
        try {
            decoder = new RecordDecoder(m, out, new DecoderControl(map));
        } catch (IllegalArgumentException e) {
            return Outcome.failed(diags, "the module's output records are inconsistent (a compiler bug): "
                    + e.getMessage(), -1);
        }
        Reloader.Transition t;
        try {
            t = reloader.prepare(gen == null ? KernelSet.empty() : gen.kernel(), m, !paused);
        } catch (ReloadException e) {
            return Outcome.failed(diags, map.rewriteLocations(e.getMessage()), snippetOf(map, e.loc()));
        }
        return commit(t, map, next, added, decoder, diags);
    }

    private static int snippetOf(SourceMap map, SrcLoc loc) {
        return loc == null ? -1 : map.snippetAtLine(loc.line());
    }

    private Outcome commit(Reloader.Transition t, SourceMap map, List<Snippet> next, Set<Integer> added,
                           RecordDecoder decoder, List<Diagnostic> diags) {
        Module m = t.next.module();
        List<String> general = new ArrayList<>();
        stopTimers();
        Generation old = gen;
        router.swap(decoder);
        RingBufferReader oldReader = router.open(kr, t.next);
        Set<String> declared = declaredGlobals(next);
        Map<String, List<MapStore.Entry>> leaving =
                carrier.leaving(old, GlobalCarrier.kernelGlobals(m), declared);
        Map<String, GlobalDecl> oldKernelDecls = new HashMap<>();
        if (old != null) {
            for (String g : GlobalCarrier.kernelGlobals(old.module())) {
                old.module().ir().global(g).ifPresent(d -> oldKernelDecls.put(g, d));
            }
        }
        try {
            t.commit();
        } catch (RuntimeException e) {
            general.add("detaching replaced probes: " + Reloader.message(e));
        }
        if (oldReader != null) {
            oldReader.close();
        }
        LiveStore store = carrier.build(m, t.next, kr.bpf(), declared, t.freshGlobals, leaving, oldKernelDecls,
                general);
        Interpreter interp = new Interpreter(m.ir(), store, out.asSink(), m.limits(), host);
        gen = new Generation(next, map, m, t.next, store, interp);
        Map<Integer, List<String>> notices = notices(t, map);
        for (String g : t.reshapedGlobals) {
            general.add("global " + g + " changed shape: its values were dropped");
        }
        if (!paused) {
            startTimers();
        }
        runBegin(added);
        return new Outcome(true, diags, null, -1, notices, general);
    }

    private static Set<String> declaredGlobals(List<Snippet> snippets) {
        Set<String> out = new LinkedHashSet<>();
        for (Snippet s : snippets) {
            if (s.kind() == Snippet.Kind.GLOBAL) {
                out.add(s.name());
            }
        }
        return out;
    }

    /** "probe #2 attached to 318 points (12 ms)" for every snippet that got new kernel programs. */
    private Map<Integer, List<String>> notices(Reloader.Transition t, SourceMap map) {
        Map<Integer, int[]> points = new LinkedHashMap<>();
        Map<Integer, Long> nanos = new HashMap<>();
        for (LiveProbe p : t.newProbes) {
            int id = snippetOf(map, p.probe().loc());
            points.computeIfAbsent(id, k -> new int[1])[0] += p.probe().attach().size();
            nanos.merge(id, p.attachNanos(), Long::sum);
        }
        Map<Integer, List<String>> out = new HashMap<>();
        points.forEach((id, n) -> {
            String what = paused ? "loaded, not attached (paused): " + n[0] + " point" + (n[0] == 1 ? "" : "s")
                    : String.format("attached to %d point%s (%s)", n[0], n[0] == 1 ? "" : "s",
                            millis(nanos.get(id)));
            out.computeIfAbsent(id, k -> new ArrayList<>()).add("probe #" + id + " " + what);
        });
        return out;
    }

    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format("%.1f ms", ms) : String.format("%.0f ms", ms);
    }

    private void runBegin(Set<Integer> added) {
        List<UserProbe> begin = new ArrayList<>();
        for (UserProbe p : gen.module().userProbes()) {
            if (p.trigger() instanceof UserProbe.Trigger.Begin && added.contains(gen.snippetAt(p.ir().loc().line()))) {
                begin.add(p);
            }
        }
        begin.sort(Comparator.comparingLong(p -> ((UserProbe.Trigger.Begin) p.trigger()).seq()));
        for (UserProbe p : begin) {
            runUserProbe(gen, p, true);
        }
    }

    void runUserProbe(Generation g, UserProbe p, boolean interruptible) {
        int id = g.snippetAt(p.ir().loc().line());
        ProbeOutcome o;
        try {
            o = g.interpreter().runProbe(p.ir(), interruptible);
        } catch (RuntimeException e) {
            counters.error(id);
            out.error("internal error in probe " + p.name() + ": " + e);
            return;
        }
        counters.hit(id);
        if (o.status() == ProbeOutcome.Status.ERROR) {
            counters.error(id);
            out.error(g.sources().rewriteLocations(o.message()));
        }
        if (g.interpreter().exitRequested()) {
            requestExit();
        }
    }

    private void startTimers() {
        Generation g = gen;
        List<UserProbe> timed = g.module().userProbes().stream()
                .filter(p -> p.trigger() instanceof UserProbe.Trigger.Timer).toList();
        if (!timed.isEmpty()) {
            timers = TimerProbes.start(timed, p -> runUserProbe(g, p, false));
        }
    }

    private void stopTimers() {
        if (timers != null) {
            timers.stop();
            timers = null;
        }
    }

    /** Detaches every kernel probe and stops timers; programs and maps stay. */
    void pause() {
        if (paused) {
            return;
        }
        paused = true;
        stopTimers();
        if (gen != null) {
            Reloader.detachAll(gen.kernel().probes());
        }
    }

    /** Attaches every kernel probe again and restarts timers; returns why a probe could not attach, or null. */
    String resume() {
        if (!paused) {
            return null;
        }
        paused = false;
        String failure = null;
        if (gen != null) {
            for (LiveProbe p : gen.kernel().probes()) {
                List<KernelObject> made = new ArrayList<>();
                try {
                    reloader.attach(p, made);
                } catch (ReloadException e) {
                    Reloader.closeNewestFirst(made);
                    p.takeAttachments();
                    failure = gen.sources().rewriteLocations(e.getMessage());
                }
            }
            startTimers();
        }
        return failure;
    }

    boolean paused() {
        return paused;
    }

    /** Unloads everything; the session starts again empty. */
    void reset(RuntimeLimits limits) {
        stopTimers();
        if (gen != null) {
            Reloader.detachAll(gen.kernel().probes());
            for (LiveProbe p : gen.kernel().probes()) {
                p.program().close();
            }
            for (LiveMap m : gen.kernel().maps().values()) {
                m.map().close();
            }
        }
        router.close();
        carrier.clear(limits);
        counters.clear();
        gen = null;
    }

    /**
     * The end of the session: stop timers, detach, deliver what is left in the ring buffer, run end probes
     * once with stap's display of unread globals, report lost records, release every kernel object.
     */
    void shutdown() {
        stopTimers();
        try {
            if (gen != null) {
                Reloader.detachAll(gen.kernel().probes());
            }
            router.close();
            if (gen != null) {
                new EndProbes(this, gen, out).run();
            }
            out.lost(router.lost());
        } finally {
            runStats.close();
            kr.close();
            out.flush();
        }
    }

    Generation generation() {
        return gen;
    }

    ModuleCompiler compiler() {
        return compiler;
    }

    GlobalCarrier carrier() {
        return carrier;
    }

    OutputSwitch out() {
        return out;
    }

    HostContext host() {
        return host;
    }

    Counters counters() {
        return counters;
    }

    RunStats runStats() {
        return runStats;
    }

    KernelResources resources() {
        return kr;
    }

    void onExit(Runnable r) {
        onExit = r == null ? () -> { } : r;
    }

    boolean exitRequested() {
        return exitRequested;
    }

    void requestExit() {
        if (!exitRequested) {
            exitRequested = true;
            onExit.run();
        }
    }

    /** What kernel records ask of the session: errors are shown located in their snippet. */
    private final class DecoderControl implements RecordDecoder.Control {
        private final SourceMap map;

        DecoderControl(SourceMap map) {
            this.map = map;
        }

        @Override
        public void exitRequested() {
            requestExit();
        }

        @Override
        public void runtimeError(String message) {
            counters.error(map.snippetInText(message));
            out.error(map.rewriteLocations(message));
        }
    }

    /** Keeps kernel probe lists stable for callers: the probes of one snippet. */
    List<LiveProbe> probesOf(int snippetId) {
        List<LiveProbe> outList = new ArrayList<>();
        if (gen != null) {
            for (LiveProbe p : gen.kernel().probes()) {
                KernelProbe k = p.probe();
                if (gen.snippetAt(k.loc().line()) == snippetId) {
                    outList.add(p);
                }
            }
        }
        return outList;
    }
}
