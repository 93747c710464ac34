package io.jstap.compiler.sema;

import io.jstap.compiler.probe.FileId;
import io.jstap.compiler.probe.FixedProbeCatalog;
import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.probe.TaskLayout;
import io.jstap.compiler.probe.TracepointFormat;
import io.jstap.compiler.probe.UsdtProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Probe catalogs for tests, built from the tracepoint formats of a real 6.18 x86_64 kernel (copied from
 * /sys/kernel/tracing/events into tapsets-test/tracefs-formats.txt), a fake /bin/bash with function symbols
 * and USDT probes, and the features of a kernel without kprobes.
 */
public final class TestCatalog implements ProbeCatalog {
    /** The syscalls of the small catalog; its counts are what the tests assert. */
    static final List<String> SMALL_SYSCALLS = List.of("read", "write", "openat", "close", "getppid", "execve",
            "pread64", "newfstat", "exit_group", "open", "getxattr");
    static final List<String> SMALL_SCHED = List.of("sched_switch", "sched_process_exec", "sched_process_exit",
            "sched_wakeup", "sched_process_fork");

    private static final Pattern FIELD = Pattern.compile(
            "field:(.*?)\\s*;\\s*offset:(\\d+);\\s*size:(\\d+);\\s*signed:(\\d);");
    private static List<TracepointFormat> formats;

    private final FixedProbeCatalog fixed;

    private TestCatalog(FixedProbeCatalog fixed) {
        this.fixed = fixed;
    }

    /** The small set of syscalls and scheduler events; tracepoints, uprobes, perf software events; no kprobes. */
    public static ProbeCatalog create() {
        return build(EnumSet.of(KernelFeature.TRACEPOINT, KernelFeature.RAW_TRACEPOINT, KernelFeature.UPROBE,
                KernelFeature.PERF_SOFTWARE, KernelFeature.RINGBUF), TestCatalog::small);
    }

    /** As {@link #create()}, on a kernel that also has kprobes and a hardware PMU. */
    public static ProbeCatalog withKprobes() {
        return build(EnumSet.of(KernelFeature.TRACEPOINT, KernelFeature.RAW_TRACEPOINT, KernelFeature.UPROBE,
                KernelFeature.PERF_SOFTWARE, KernelFeature.PERF_HARDWARE, KernelFeature.RINGBUF, KernelFeature.KPROBE),
                TestCatalog::small);
    }

    /** Every syscall, sched, signal and raw_syscalls event of the real kernel. */
    public static ProbeCatalog full() {
        return build(EnumSet.of(KernelFeature.TRACEPOINT, KernelFeature.RAW_TRACEPOINT, KernelFeature.UPROBE,
                KernelFeature.PERF_SOFTWARE, KernelFeature.RINGBUF), f -> true);
    }

    private static boolean small(TracepointFormat f) {
        if (f.category().equals("syscalls")) {
            String e = f.event();
            return SMALL_SYSCALLS.contains(e.substring(e.indexOf('_', 4) + 1));
        }
        return f.category().equals("sched") && SMALL_SCHED.contains(f.event());
    }

    private static ProbeCatalog build(Set<KernelFeature> features, Predicate<TracepointFormat> keep) {
        FixedProbeCatalog c = new FixedProbeCatalog(features, "6.18.0-test");
        for (TracepointFormat f : formats()) {
            if (keep.test(f)) {
                c.addTracepoint(f);
            }
        }
        c.addBinary("/bin/bash", List.of("execute_command", "main", "readline", "shell_execve", "xfree", "xmalloc"));
        c.addBinary("/usr/lib/libc.so.6", List.of("free", "malloc", "open", "read", "write"));
        return new TestCatalog(c);
    }

    @Override public List<String> tracepoints() { return fixed.tracepoints(); }
    @Override public Optional<TracepointFormat> tracepoint(String c, String e) { return fixed.tracepoint(c, e); }
    @Override public List<String> syscalls() { return fixed.syscalls(); }
    @Override public Optional<String> resolveBinary(String path) { return fixed.resolveBinary(path); }
    @Override public List<String> functionSymbols(String path) { return fixed.functionSymbols(path); }
    @Override public Set<KernelFeature> features() { return fixed.features(); }
    @Override public String kernelRelease() { return fixed.kernelRelease(); }

    /** The layout of the 6.18 kernel the formats come from. */
    static final TaskLayout LAYOUT = new TaskLayout(1280, 1268, 1136, 1312, 32, 64, 40, 16);

    @Override public Optional<TaskLayout> taskLayout() { return Optional.of(LAYOUT); }

    @Override
    public Optional<FileId> fileId(String path) {
        return fixed.resolveBinary(path).map(p -> new FileId(0xfe00000L, p.length()));
    }

    /** bash's marks with sites: readline_start reads two operands; command_done one jstap cannot read. */
    @Override
    public List<UsdtProbe> usdt(String binaryPath) {
        if (!binaryPath.equals("/bin/bash")) {
            return List.of();
        }
        return List.of(new UsdtProbe("bash", "readline_start", 0x1234, 0, "-4@%edi 8@-16(%rbp)"),
                new UsdtProbe("bash", "command_done", 0x2345, 0x5000, "8@counter(%rip)"));
    }

    @Override
    public List<String> usdtProbes(String binaryPath) {
        return binaryPath.equals("/bin/bash") ? List.of("bash:readline_start", "bash:command_done") : List.of();
    }

    private static synchronized List<TracepointFormat> formats() {
        if (formats == null) {
            try (InputStream in = TestCatalog.class.getClassLoader()
                    .getResourceAsStream("tapsets-test/tracefs-formats.txt")) {
                formats = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return formats;
    }

    /** Reads "name: category:event" headers followed by tracefs field lines. */
    static List<TracepointFormat> parse(String text) {
        List<TracepointFormat> out = new ArrayList<>();
        String cat = null;
        String event = null;
        List<TracepointFormat.Field> fields = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("name: ")) {
                if (cat != null) {
                    out.add(new TracepointFormat(cat, event, fields));
                }
                String[] ce = line.substring(6).split(":");
                cat = ce[0];
                event = ce[1];
                fields = new ArrayList<>();
                continue;
            }
            Matcher m = FIELD.matcher(line);
            if (!m.find()) {
                throw new IllegalArgumentException(line);
            }
            fields.add(field(m.group(1).strip(), m));
        }
        if (cat != null) {
            out.add(new TracepointFormat(cat, event, fields));
        }
        return out;
    }

    /** {@code char prev_comm[16]} becomes type {@code char[16]}, name {@code prev_comm}. */
    private static TracepointFormat.Field field(String decl, Matcher m) {
        String type;
        String name;
        int bracket = decl.lastIndexOf('[');
        if (decl.startsWith("__data_loc")) {
            int sp = decl.lastIndexOf(' ');
            type = decl.substring(0, sp);
            name = decl.substring(sp + 1);
        } else if (bracket > 0 && decl.endsWith("]")) {
            String head = decl.substring(0, bracket);
            int sp = head.lastIndexOf(' ');
            name = head.substring(sp + 1);
            type = head.substring(0, sp).strip() + decl.substring(bracket);
        } else {
            int sp = decl.lastIndexOf(' ');
            name = decl.substring(sp + 1);
            type = decl.substring(0, sp).strip();
        }
        return new TracepointFormat.Field(type, name, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                m.group(4).equals("1"));
    }
}
