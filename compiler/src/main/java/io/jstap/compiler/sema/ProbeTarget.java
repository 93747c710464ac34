package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Literals;
import io.jstap.compiler.probe.FileId;
import io.jstap.compiler.probe.TracepointFormat;
import java.util.List;

/**
 * A probe point resolved against the probe catalog: one concrete place a probe body is attached to, with
 * everything the code generator and the loader need. {@link #pp()} is the point as stap's {@code pp()}
 * returns it.
 */
public sealed interface ProbeTarget {

    /** The concrete probe point text, as {@code pp()} returns it. */
    String pp();

    /** True for points that fire when a function or syscall returns. */
    default boolean isReturn() {
        return false;
    }

    /** {@code begin}/{@code begin(N)}: runs once at start-up, in ascending {@code seq} order. */
    record Begin(long seq) implements ProbeTarget {
        public String pp() { return seq == 0 ? "begin" : "begin(" + seq + ")"; }
    }

    /** {@code end}/{@code end(N)}: runs once at shutdown. */
    record End(long seq) implements ProbeTarget {
        public String pp() { return seq == 0 ? "end" : "end(" + seq + ")"; }
    }

    /** {@code error}/{@code error(N)}: runs at shutdown after a runtime error. */
    record Error(long seq) implements ProbeTarget {
        public String pp() { return seq == 0 ? "error" : "error(" + seq + ")"; }
    }

    /** {@code never}: type-checked, never run. */
    record Never() implements ProbeTarget {
        public String pp() { return "never"; }
    }

    /**
     * An interval timer ({@code timer.s/ms/us/ns/hz/jiffies}), firing every {@code periodNs} plus a uniform
     * random 0..{@code randomizeNs}. It reads no per-CPU context, so it may run in userspace.
     */
    record Timer(long periodNs, long randomizeNs) implements ProbeTarget {
        public String pp() {
            String[] units = {"s", "ms", "us"};
            long[] scale = {1_000_000_000L, 1_000_000L, 1_000L};
            for (int i = 0; i < units.length; i++) {
                if (periodNs % scale[i] == 0 && randomizeNs % scale[i] == 0) {
                    return "timer." + units[i] + "(" + periodNs / scale[i] + ")"
                            + (randomizeNs == 0 ? "" : ".randomize(" + randomizeNs / scale[i] + ")");
                }
            }
            return "timer.ns(" + periodNs + ")" + (randomizeNs == 0 ? "" : ".randomize(" + randomizeNs + ")");
        }
    }

    /** {@code timer.profile}: every scheduler tick on every CPU, in kernel context. */
    record Profile() implements ProbeTarget {
        public String pp() { return "timer.profile"; }
    }

    /** {@code kernel.trace("category:event")} with the record layout of the event. */
    record Tracepoint(String category, String event, TracepointFormat format) implements ProbeTarget {
        public String pp() { return "kernel.trace(" + Literals.quote(category + ":" + event) + ")"; }

        /** Syscall exit events pair with their entry event, which {@code @entry} reads from. */
        @Override
        public boolean isReturn() {
            return category.equals("syscalls") && event.startsWith("sys_exit_");
        }
    }

    /** {@code process("path").function("symbol")[.return]}; {@code path} is resolved (absolute). */
    record Uprobe(String path, String symbol, boolean ret) implements ProbeTarget {
        public String pp() {
            return "process(" + Literals.quote(path) + ").function(" + Literals.quote(symbol) + ")"
                    + (ret ? ".return" : "");
        }

        @Override
        public boolean isReturn() {
            return ret;
        }
    }

    /**
     * {@code process("path").mark("name")}: a USDT (sdt.h) probe {@code provider:name} at one site of the
     * file ({@code site} has its offset, semaphore and arguments).
     */
    record Usdt(String path, String provider, String name, io.jstap.compiler.probe.UsdtProbe site)
            implements ProbeTarget {
        /** A probe known by name only. */
        public Usdt(String path, String provider, String name) {
            this(path, provider, name, io.jstap.compiler.probe.UsdtProbe.named(provider, name));
        }

        /** As stap lists marks: without the provider. */
        public String pp() {
            return "process(" + Literals.quote(path) + ").mark(" + Literals.quote(name) + ")";
        }
    }

    /**
     * {@code process.begin}, {@code process("path").begin}, {@code process(PID).begin}: a process starts, after
     * an exec ({@code exec}, in the new image) or as the child of a fork ({@code forks}: the child's return from
     * clone/fork/vfork/clone3). {@code path} null = any program, {@code exe} its file; {@code pid} 0 = any.
     */
    record ProcessBegin(String path, long pid, FileId exe, Tracepoint exec, List<Tracepoint> forks)
            implements ProbeTarget {
        public ProcessBegin {
            forks = List.copyOf(forks);
        }

        /** The point alone, without its kernel events (what a catalog-free resolution gives). */
        public ProcessBegin(String path) {
            this(path, 0, null, null, List.of());
        }

        public String pp() { return processPp(path, pid) + ".begin"; }
    }

    /**
     * {@code process.end}, {@code process("path").end}, {@code process(PID).end}: the last thread of a process
     * exits ({@code exit} is sched_process_exit; its {@code group_dead} field says which exit that is).
     */
    record ProcessEnd(String path, long pid, FileId exe, Tracepoint exit) implements ProbeTarget {
        public ProcessEnd(String path) {
            this(path, 0, null, null);
        }

        public String pp() { return processPp(path, pid) + ".end"; }
    }

    private static String processPp(String path, long pid) {
        return path != null ? "process(" + Literals.quote(path) + ")" : pid > 0 ? "process(" + pid + ")" : "process";
    }

    /**
     * A perf event counter sampled every {@code period} events: {@code type}/{@code config} as
     * perf_event_open(2) takes them, {@code name} as the point spelled it ({@code perf.sw.cpu_clock}), and
     * {@code processPath} non-null to count only in that program.
     */
    record PerfEvent(int type, long config, long period, String name, String processPath) implements ProbeTarget {
        public static final int TYPE_HARDWARE = 0;
        public static final int TYPE_SOFTWARE = 1;

        public String pp() {
            return name + ".sample(" + period + ")"
                    + (processPath == null ? "" : ".process(" + Literals.quote(processPath) + ")");
        }
    }

    /**
     * A kprobe: {@code function} in {@code module} (null for the kernel itself) or, when {@code function} is
     * null, the absolute {@code address}; {@code ret} for a kretprobe.
     */
    record Kprobe(String module, String function, long address, boolean ret) implements ProbeTarget {
        public String pp() {
            if (function == null) {
                return "kernel.statement(0x" + Long.toHexString(address) + ").absolute";
            }
            String fn = ".function(" + Literals.quote(function) + ")" + (ret ? ".return" : "");
            return (module == null ? "kernel" : "module(" + Literals.quote(module) + ")") + fn;
        }

        @Override
        public boolean isReturn() {
            return ret;
        }
    }
}
