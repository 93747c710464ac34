package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.probe.FileId;
import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.sema.ProbePointTree.FamilyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code process[("PATH"|PID)].begin/.end} resolved to the scheduler and syscall tracepoints they run on:
 * begin on {@code sched_process_exec} (the new image) and on the child's return from clone, clone3, fork and
 * vfork; end on {@code sched_process_exit}. A PATH is recognised in the kernel by the device and inode of
 * the running executable, which needs the kernel's structure layout (BTF).
 */
final class ProcessEvents {
    /** Syscalls whose child-side return starts a new process. */
    static final List<String> FORKS = List.of("clone", "clone3", "fork", "vfork");

    private ProcessEvents() {
    }

    static List<ProbeTarget> build(boolean begin, List<Expr> args, FamilyContext c) {
        ProbeCatalog cat = c.catalog();
        String kind = begin ? "begin" : "end";
        if (!cat.features().contains(KernelFeature.TRACEPOINT)) {
            c.error("process." + kind + " probes need " + KernelFeature.TRACEPOINT.description()
                    + ", which this kernel does not offer");
            return List.of();
        }
        Expr a = args.get(0);
        String path = null;
        long pid = 0;
        FileId exe = null;
        if (a instanceof Expr.StringLit s) {
            path = UserProbes.binary(s.value(), c);
            if (path == null) {
                return List.of();
            }
            if (cat.taskLayout().isEmpty()) {
                c.error("process(\"" + s.value() + "\")." + kind + " recognises the program by the executable a "
                        + "process runs, which needs the kernel's type information (BTF, /sys/kernel/btf/vmlinux); "
                        + "this kernel has none", "process." + kind + " with a test of execname() works without it");
                return List.of();
            }
            Optional<FileId> id = cat.fileId(path);
            if (id.isEmpty()) {
                c.error("cannot read the inode of '" + path + "' for process(\"" + s.value() + "\")." + kind);
                return List.of();
            }
            exe = id.get();
        } else if (a instanceof Expr.LongLit n) {
            pid = n.value();
            if (pid <= 0) {
                c.error("process(" + pid + ") needs a positive process id");
                return List.of();
            }
            if (begin) {
                c.error("process(" + pid + ").begin would fire only for a process that already runs, which jstap "
                        + "does not report", "process(" + pid + ").end, or process(\"PATH\").begin for new processes");
                return List.of();
            }
        }
        if (begin) {
            ProbeTarget.Tracepoint exec = tracepoint(cat, "sched", "sched_process_exec", c);
            if (exec == null) {
                return List.of();
            }
            List<ProbeTarget.Tracepoint> forks = new ArrayList<>();
            for (String sc : FORKS) {
                cat.tracepoint("syscalls", "sys_exit_" + sc).filter(f -> f.field("ret").isPresent())
                        .ifPresent(f -> forks.add(new ProbeTarget.Tracepoint("syscalls", "sys_exit_" + sc, f)));
            }
            return List.of(new ProbeTarget.ProcessBegin(path, pid, exe, exec, forks));
        }
        ProbeTarget.Tracepoint exit = tracepoint(cat, "sched", "sched_process_exit", c);
        return exit == null ? List.of() : List.of(new ProbeTarget.ProcessEnd(path, pid, exe, exit));
    }

    private static ProbeTarget.Tracepoint tracepoint(ProbeCatalog cat, String category, String event,
            FamilyContext c) {
        var f = cat.tracepoint(category, event);
        if (f.isEmpty()) {
            c.error("process probes need the " + category + ":" + event + " tracepoint, which this kernel does not have");
            return null;
        }
        return new ProbeTarget.Tracepoint(category, event, f.get());
    }
}
