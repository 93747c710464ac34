package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.sema.ProbePointTree.FamilyContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kernel.function}, {@code module().function}, {@code kprobe.function} and {@code kernel.statement}:
 * kprobes. Where the kernel has no kprobe PMU the diagnostic says so and points at the tracepoints and
 * syscall probes that cover the same ground.
 */
final class KernelProbes {
    private static final String[] SYSCALL_PREFIXES = {"__x64_sys_", "__ia32_sys_", "__se_sys_", "__do_sys_",
        "ksys_", "do_sys_", "sys_"};

    private KernelProbes() {
    }

    static List<ProbeTarget> build(List<String> names, List<Expr> args, FamilyContext c) {
        boolean ret = names.get(names.size() - 1).equals("return");
        String module = names.contains("module") ? ProbeFamilies.str(ProbeFamilies.arg(names, args, "module")) : null;
        Expr fnArg = ProbeFamilies.arg(names, args, "function");
        Expr stmtArg = ProbeFamilies.arg(names, args, "statement");
        String family = names.get(0).equals("kprobe") ? "kprobe.function" : module != null ? "module().function"
                : fnArg != null ? "kernel.function" : "kernel.statement";
        String function = fnArg != null ? ProbeFamilies.str(fnArg) : ProbeFamilies.str(stmtArg);
        if (function != null && function.indexOf('@') >= 0) {
            function = function.substring(0, function.indexOf('@'));
        }
        if (!c.catalog().features().contains(KernelFeature.KPROBE)) {
            List<String> notes = advice(function, c.catalog());
            c.error(family + " probes need " + KernelFeature.KPROBE.description()
                    + ", which this kernel does not offer", notes.toArray(new String[0]));
            return List.of();
        }
        if (stmtArg instanceof Expr.LongLit addr) {
            if (!names.contains("absolute")) {
                c.error("kernel.statement(ADDRESS) needs .absolute: there is no debug information to relocate it");
                return List.of();
            }
            return List.of(new ProbeTarget.Kprobe(null, null, addr.value(), false));
        }
        if (stmtArg != null) {
            c.error("kernel.statement(\"" + function + "...\") needs source line information, which jstap does not"
                    + " read; use kernel.function(\"" + function + "\") or kernel.statement(ADDRESS).absolute");
            return List.of();
        }
        if (Glob.isPattern(function)) {
            c.error(family + "(\"" + function + "\"): wildcards need the kernel's symbol list, which the probe"
                    + " catalog does not provide; name the function exactly");
            return List.of();
        }
        return List.of(new ProbeTarget.Kprobe(module, function, 0, ret));
    }

    /** Suggestions for a kernel function: the syscall probe or tracepoints that see the same events. */
    static List<String> advice(String function, ProbeCatalog catalog) {
        List<String> notes = new ArrayList<>();
        if (function == null || Glob.isPattern(function)) {
            notes.add("kernel.trace(\"category:event\") tracepoints and syscall.* probes work on this kernel");
            return notes;
        }
        String sys = null;
        for (String prefix : SYSCALL_PREFIXES) {
            if (function.startsWith(prefix) && catalog.syscalls().contains(function.substring(prefix.length()))) {
                sys = function.substring(prefix.length());
                break;
            }
        }
        if (sys == null && catalog.syscalls().contains(function)) {
            sys = function;
        }
        if (sys == null && function.startsWith("do_sys_") && catalog.syscalls().contains(function.substring(7) + "at")) {
            sys = function.substring(7) + "at";
        }
        if (sys != null) {
            notes.add("use syscall." + sys + " (or kernel.trace(\"syscalls:sys_enter_" + sys + "\")) instead");
        }
        if (function.equals("vfs_read") || function.equals("vfs_write")) {
            notes.add("use vfs." + function.substring(4) + ", which is built on the read/write syscall tracepoints");
        }
        List<String> tps = new ArrayList<>();
        String stem = function.replaceFirst("^_+", "");
        for (String tp : catalog.tracepoints()) {
            String event = tp.substring(tp.indexOf(':') + 1);
            if (!tp.startsWith("syscalls:") && stem.length() >= 4 && event.contains(stem) && tps.size() < 5) {
                tps.add("kernel.trace(\"" + tp + "\")");
            }
        }
        if (!tps.isEmpty()) {
            notes.add("related tracepoints: " + String.join(" ", tps));
        }
        if (notes.isEmpty()) {
            notes.add("kernel.trace(\"category:event\") tracepoints and syscall.* probes work on this kernel");
        }
        return notes;
    }
}
