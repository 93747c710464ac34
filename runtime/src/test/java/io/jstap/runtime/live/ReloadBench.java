package io.jstap.runtime.live;

import io.jstap.runtime.catalog.MachineProbeCatalog;
import io.jstap.runtime.kernel.Attachment;
import io.jstap.runtime.output.RecordingOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enter-to-attached latency of adding one probe to a live session that holds 20 attached probes: the
 * time {@code eval} takes to compile the whole snippet set, reload and attach the new probe. After every
 * round it checks that none of the 20 probes was reattached (same attachment objects and fds).
 * Run with the test class path: {@code java -cp ... io.jstap.runtime.live.ReloadBench [rounds]}.
 */
public final class ReloadBench {

    private static final String[] SYSCALLS = {"read", "write", "openat", "close", "getpid", "getppid", "getuid",
        "geteuid", "getgid", "getegid", "gettid", "brk", "mmap", "munmap", "mprotect", "futex", "lseek", "dup",
        "pipe2", "fstat", "newfstatat", "ioctl", "nanosleep", "madvise"};

    private ReloadBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        MachineProbeCatalog catalog = new MachineProbeCatalog();
        List<String> points = new ArrayList<>();
        for (String s : SYSCALLS) {
            if (catalog.tracepoint("syscalls", "sys_enter_" + s).isPresent()) {
                points.add("kernel.trace(\"syscalls:sys_enter_" + s + "\")");
            }
        }
        if (points.size() < 21) {
            throw new IllegalStateException("only " + points.size() + " syscall tracepoints found");
        }
        FacadeCompiler c = new FacadeCompiler(FacadeCompiler.optionsFor(catalog), catalog);
        try (LiveSession s = new LiveSession(c, c.preprocessor(), new RecordingOutput(), LiveOptions.defaults())) {
            check(s.eval("global hits"));
            for (int i = 0; i < 20; i++) {
                check(s.eval("probe " + points.get(i) + " { hits[" + i + "]++ }"));
            }
            Map<Attachment, List<Integer>> before = attachments(s);
            long[] ms = new long[rounds];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                List<SnippetEvent> e = s.eval("probe " + points.get(20) + " { hits[100]++ }");
                ms[r] = System.nanoTime() - t0;
                check(e);
                Map<Attachment, List<Integer>> after = withoutSnippet(attachments(s), s, e.get(0).snippet().id());
                if (!same(before, after)) {
                    throw new IllegalStateException("round " + r + ": an unchanged probe was reattached: "
                            + before.values() + " -> " + after.values() + " new " + e);
                }
                check(s.drop(e.get(0).snippet()));
                if (!same(before, attachments(s))) {
                    throw new IllegalStateException("round " + r + ": dropping reattached an unchanged probe");
                }
            }
            long[] sorted = ms.clone();
            Arrays.sort(sorted);
            System.out.printf("add 1 probe to 20 attached: p50 %.1f ms, p95 %.1f ms, min %.1f ms, max %.1f ms "
                    + "(%d rounds); the 20 probes kept their %d attachments every round%n",
                    sorted[rounds / 2] / 1e6, sorted[(int) Math.ceil(rounds * 0.95) - 1] / 1e6, sorted[0] / 1e6,
                    sorted[rounds - 1] / 1e6, rounds, before.size());
        }
    }

    /** The same attachment objects holding the same fds (IdentityHashMap.equals compares values by identity). */
    private static boolean same(Map<Attachment, List<Integer>> a, Map<Attachment, List<Integer>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<Attachment, List<Integer>> e : a.entrySet()) {
            if (!e.getValue().equals(b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static void check(List<SnippetEvent> events) {
        for (SnippetEvent e : events) {
            if (e.failed()) {
                throw new IllegalStateException(LiveKernelTest.describe(e));
            }
        }
    }

    /** Every attachment of the session with its fds, by identity. */
    private static Map<Attachment, List<Integer>> attachments(LiveSession s) {
        Map<Attachment, List<Integer>> out = new IdentityHashMap<>();
        for (LiveProbe p : s.engine().generation().kernel().probes()) {
            for (Attachment a : p.attachments()) {
                List<Integer> fds = new ArrayList<>(a.linkFds());
                fds.addAll(a.perfFds());
                out.put(a, fds);
            }
        }
        return out;
    }

    private static Map<Attachment, List<Integer>> withoutSnippet(Map<Attachment, List<Integer>> all, LiveSession s,
                                                                 int id) {
        Map<Attachment, List<Integer>> out = new IdentityHashMap<>(all);
        for (LiveProbe p : s.engine().probesOf(id)) {
            p.attachments().forEach(out::remove);
        }
        return out;
    }
}
