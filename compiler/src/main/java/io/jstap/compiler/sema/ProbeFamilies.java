package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.sema.ProbePointTree.FamilyContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The built-in probe point families and how each turns into {@link ProbeTarget}s. */
final class ProbeFamilies {

    /** Kernel HZ assumed for timer.jiffies (the common distribution setting; the catalog does not say). */
    static final long JIFFY_NS = 4_000_000L;
    /** perf events sample every this many events unless .sample(N) says otherwise. */
    static final long DEFAULT_PERF_PERIOD = 1_000_000L;

    static final Map<String, Long> SOFTWARE_EVENTS = new LinkedHashMap<>();
    static final Map<String, Long> HARDWARE_EVENTS = new LinkedHashMap<>();

    static {
        String[] sw = {"cpu_clock", "task_clock", "page_faults", "context_switches", "cpu_migrations",
            "page_faults_min", "page_faults_maj", "alignment_faults", "emulation_faults"};
        for (int i = 0; i < sw.length; i++) {
            SOFTWARE_EVENTS.put(sw[i], (long) i);
        }
        String[] hw = {"cpu_cycles", "instructions", "cache_references", "cache_misses", "branch_instructions",
            "branch_misses", "bus_cycles", "stalled_cycles_frontend", "stalled_cycles_backend", "ref_cpu_cycles"};
        for (int i = 0; i < hw.length; i++) {
            HARDWARE_EVENTS.put(hw[i], (long) i);
        }
    }

    private ProbeFamilies() {
    }

    /** Adds every built-in family to {@code tree}. */
    static void register(ProbePointTree tree) {
        for (String once : List.of("begin", "end", "error")) {
            tree.add((n, a, c) -> List.of(once(once, num(a.get(0), 0))), once + "(N?)");
        }
        tree.add((n, a, c) -> List.of(new ProbeTarget.Never()), "never");
        Map<String, Long> units = new LinkedHashMap<>();
        units.put("s", 1_000_000_000L);
        units.put("sec", 1_000_000_000L);
        units.put("ms", 1_000_000L);
        units.put("msec", 1_000_000L);
        units.put("us", 1_000L);
        units.put("usec", 1_000L);
        units.put("ns", 1L);
        units.put("nsec", 1L);
        units.put("jiffies", JIFFY_NS);
        units.put("hz", 0L);
        for (Map.Entry<String, Long> u : units.entrySet()) {
            ProbePointTree.Family timer = (n, a, c) -> timer(u.getKey(), u.getValue(), a, c);
            tree.add(timer, "timer", u.getKey() + "(N)");
            tree.add(timer, "timer", u.getKey() + "(N)", "randomize(N)");
        }
        tree.add((n, a, c) -> List.of(new ProbeTarget.Profile()), "timer", "profile");
        tree.add((n, a, c) -> List.of(new ProbeTarget.Profile()), "timer", "profile", "tick");

        tree.add((n, a, c) -> tracepoints(str(a.get(1)), c), "kernel", "trace(S)");

        for (String suffix : new String[] {null, "call", "return"}) {
            tree.add(kprobe(), path(suffix, "kernel", "function(S)"));
            tree.add(kprobe(), path(suffix, "module(S)", "function(S)"));
            if (!"call".equals(suffix)) {
                tree.add(kprobe(), path(suffix, "kprobe", "function(S)"));
                tree.add(kprobe(), path(suffix, "kprobe", "module(S)", "function(S)"));
            }
        }
        tree.add(kprobe(), "kernel", "statement(SN)");
        tree.add(kprobe(), "kernel", "statement(SN)", "absolute");

        tree.add((n, a, c) -> ProcessEvents.build(true, a, c), "process(SN?)", "begin");
        tree.add((n, a, c) -> ProcessEvents.build(false, a, c), "process(SN?)", "end");
        for (String suffix : new String[] {null, "call", "return"}) {
            tree.add(UserProbes::functions, path(suffix, "process(SN?)", "function(S)"));
        }
        tree.add(UserProbes::marks, "process(SN?)", "mark(S)");
        tree.add(UserProbes::marks, "process(SN?)", "provider(S)", "mark(S)");

        for (String kind : List.of("sw", "hw")) {
            Map<String, Long> events = kind.equals("sw") ? SOFTWARE_EVENTS : HARDWARE_EVENTS;
            for (String ev : events.keySet()) {
                for (String[] tail : perfTails()) {
                    List<String> p = new ArrayList<>(List.of("perf", kind, ev));
                    p.addAll(List.of(tail));
                    tree.add(ProbeFamilies::perf, p.toArray(new String[0]));
                }
            }
        }
        for (String[] tail : perfTails()) {
            List<String> p = new ArrayList<>(List.of("perf", "type(N)", "config(N)"));
            p.addAll(List.of(tail));
            tree.add(ProbeFamilies::perf, p.toArray(new String[0]));
        }
    }

    private static String[][] perfTails() {
        return new String[][] {{}, {"sample(N)"}, {"process(S)"}, {"sample(N)", "process(S)"}};
    }

    private static String[] path(String suffix, String... comps) {
        if (suffix == null) {
            return comps;
        }
        String[] out = java.util.Arrays.copyOf(comps, comps.length + 1);
        out[comps.length] = suffix;
        return out;
    }

    private static ProbeTarget once(String kind, long seq) {
        switch (kind) {
            case "begin": return new ProbeTarget.Begin(seq);
            case "end": return new ProbeTarget.End(seq);
            default: return new ProbeTarget.Error(seq);
        }
    }

    static long num(Expr e, long dflt) {
        return e instanceof Expr.LongLit l ? l.value() : dflt;
    }

    static String str(Expr e) {
        return e instanceof Expr.StringLit s ? s.value() : null;
    }

    /** The parameter of the component named {@code name}, or null. */
    static Expr arg(List<String> names, List<Expr> args, String name) {
        int i = names.lastIndexOf(name);
        return i < 0 ? null : args.get(i);
    }

    private static List<ProbeTarget> timer(String unit, long scale, List<Expr> args, FamilyContext c) {
        long n = num(args.get(1), 0);
        long r = args.size() > 2 ? num(args.get(2), 0) : 0;
        if (n <= 0) {
            c.error("timer." + unit + " needs a positive period, not " + n);
            return List.of();
        }
        if (r < 0) {
            c.error("timer randomization must not be negative");
            return List.of();
        }
        long period;
        long random;
        if (unit.equals("hz")) {
            if (n > 1_000_000_000L) {
                c.error("timer.hz(" + n + ") is faster than one nanosecond");
                return List.of();
            }
            period = 1_000_000_000L / n;
            random = r == 0 ? 0 : 1_000_000_000L / r;
        } else {
            if (n > Long.MAX_VALUE / scale || r > Long.MAX_VALUE / scale) {
                c.error("timer period too large");
                return List.of();
            }
            period = n * scale;
            random = r * scale;
        }
        if (random >= period && random != 0) {
            c.error("timer randomization (" + r + ") must be smaller than the period (" + n + ")");
            return List.of();
        }
        return List.of(new ProbeTarget.Timer(period, random));
    }

    private static List<ProbeTarget> tracepoints(String pattern, FamilyContext c) {
        ProbeCatalog cat = c.catalog();
        if (!cat.features().contains(KernelFeature.TRACEPOINT)) {
            c.error("kernel.trace probes need " + KernelFeature.TRACEPOINT.description()
                    + ", which this kernel does not offer");
            return List.of();
        }
        boolean withCategory = pattern.indexOf(':') >= 0;
        List<ProbeTarget> out = new ArrayList<>();
        if (withCategory && !Glob.isPattern(pattern)) {
            // The common case, and what every syscall alias uses: one named event, looked up directly.
            int colon = pattern.indexOf(':');
            String category = pattern.substring(0, colon);
            String event = pattern.substring(colon + 1);
            var f = cat.tracepoint(category, event);
            if (f.isPresent()) {
                return List.of(new ProbeTarget.Tracepoint(category, event, f.get()));
            }
        }
        for (String tp : cat.tracepoints()) {
            int colon = tp.indexOf(':');
            String subject = withCategory ? tp : tp.substring(colon + 1);
            if (Glob.matches(pattern, subject)) {
                String category = tp.substring(0, colon);
                String event = tp.substring(colon + 1);
                cat.tracepoint(category, event)
                        .ifPresent(f -> out.add(new ProbeTarget.Tracepoint(category, event, f)));
            }
        }
        if (out.isEmpty() && !Glob.isPattern(pattern)) {
            Set<String> names = new LinkedHashSet<>();
            for (String tp : cat.tracepoints()) {
                names.add(withCategory ? tp : tp.substring(tp.indexOf(':') + 1));
            }
            c.error("probe point mismatch: no tracepoint '" + pattern + "'", DidYouMean.note(pattern, names));
        } else if (out.isEmpty()) {
            c.error("probe point mismatch: no tracepoint matches '" + pattern + "'");
        }
        return out;
    }

    private static ProbePointTree.Family kprobe() {
        return (names, args, c) -> KernelProbes.build(names, args, c);
    }

    private static List<ProbeTarget> perf(List<String> names, List<Expr> args, FamilyContext c) {
        int type;
        long config;
        String name;
        if (names.get(1).equals("type")) {
            type = (int) num(args.get(1), 0);
            config = num(args.get(2), 0);
            name = "perf.type(" + type + ").config(" + config + ")";
        } else {
            boolean sw = names.get(1).equals("sw");
            type = sw ? ProbeTarget.PerfEvent.TYPE_SOFTWARE : ProbeTarget.PerfEvent.TYPE_HARDWARE;
            config = (sw ? SOFTWARE_EVENTS : HARDWARE_EVENTS).get(names.get(2));
            name = "perf." + names.get(1) + "." + names.get(2);
        }
        KernelFeature need = type == ProbeTarget.PerfEvent.TYPE_HARDWARE ? KernelFeature.PERF_HARDWARE
                : KernelFeature.PERF_SOFTWARE;
        if (type <= ProbeTarget.PerfEvent.TYPE_SOFTWARE && !c.catalog().features().contains(need)) {
            c.error(name + " needs " + need.description() + ", which this machine does not offer",
                    need == KernelFeature.PERF_HARDWARE ? "perf.sw.cpu_clock or timer.profile sample without one" : null);
            return List.of();
        }
        long period = num(arg(names, args, "sample"), DEFAULT_PERF_PERIOD);
        if (period <= 0) {
            c.error("perf sample period must be positive, not " + period);
            return List.of();
        }
        String proc = str(arg(names, args, "process"));
        if (proc != null) {
            proc = UserProbes.binary(proc, c);
            if (proc == null) {
                return List.of();
            }
        }
        return List.of(new ProbeTarget.PerfEvent(type, config, period, name, proc));
    }
}
