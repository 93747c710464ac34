package io.jstap.compiler.complete;

import io.jstap.compiler.probe.KernelFeature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in probe point families as a tree of components: which names may follow which, which take an
 * argument, and where the argument's candidates come from. Syscall names are dynamic (from the catalog);
 * tapset aliases are merged in by {@link ProbePointCompleter}.
 */
final class ProbeTree {

    /** The argument a component takes. */
    enum Arg { NONE, NUMBER, STRING, OPTIONAL_NUMBER, OPTIONAL_STRING }

    /** Where candidates for a string argument come from. */
    enum Source { NONE, TRACEPOINT, PATH, FUNCTION_SYMBOL, USDT, KERNEL_FUNCTION }

    /**
     * One component.
     *
     * @param terminal whether a probe point may end here
     * @param syscalls whether the children are the catalog's syscalls, each shaped like the single child
     * @param feature  the kernel feature this component needs, or null
     */
    record Node(String name, Arg arg, Source source, boolean terminal, String description, KernelFeature feature,
                boolean syscalls, List<Node> children) {

        Node child(String childName) {
            if (syscalls) {
                return children.get(0);
            }
            for (Node n : children) {
                if (n.name.equals(childName)) {
                    return n;
                }
            }
            return null;
        }

        boolean requiresArg() {
            return arg == Arg.NUMBER || arg == Arg.STRING;
        }
    }

    private static final String[] PERF_SW = {
        "alignment_faults", "context_switches", "cpu_clock", "cpu_migrations", "emulation_faults",
        "page_faults", "page_faults_maj", "page_faults_min", "task_clock",
    };
    private static final String[] PERF_HW = {
        "branch_instructions", "branch_misses", "bus_cycles", "cache_misses", "cache_references", "cpu_cycles",
        "instructions", "ref_cpu_cycles", "stalled_cycles_backend", "stalled_cycles_frontend",
    };

    static final Node ROOT = node("", Arg.NONE, false, "",
        leaf("begin", Arg.OPTIONAL_NUMBER, "once when the script starts"),
        leaf("end", Arg.OPTIONAL_NUMBER, "once when the script stops"),
        leaf("error", Arg.OPTIONAL_NUMBER, "once when the script stops on an error"),
        leaf("never", Arg.NONE, "never fires; the body is only checked"),
        node("timer", Arg.NONE, false, "periodic timers",
            timer("s", "every N seconds"), timer("ms", "every N milliseconds"),
            timer("us", "every N microseconds"), timer("ns", "every N nanoseconds"),
            timer("hz", "N times a second"), timer("jiffies", "every N jiffies"),
            node("profile", Arg.NONE, true, "on every CPU at each timer tick", leaf("tick", Arg.NONE, "same as timer.profile"))),
        syscalls(),
        node("kernel", Arg.NONE, false, "kernel tracepoints and functions",
            new Node("trace", Arg.STRING, Source.TRACEPOINT, true, "a kernel tracepoint: trace(\"category:event\")",
                KernelFeature.TRACEPOINT, false, List.of()),
            new Node("function", Arg.STRING, Source.KERNEL_FUNCTION, true, "a kprobe: function(\"name\")",
                KernelFeature.KPROBE, false, returnOrCall("the kernel function"))),
        new Node("process", Arg.OPTIONAL_STRING, Source.PATH, false, "a user-space program: process(\"PATH\")", null, false,
            List.of(
                new Node("function", Arg.STRING, Source.FUNCTION_SYMBOL, true, "a uprobe: function(\"name\")",
                    KernelFeature.UPROBE, false, returnOrCall("the function")),
                new Node("mark", Arg.STRING, Source.USDT, true, "a USDT probe: mark(\"name\")",
                    KernelFeature.UPROBE, false, List.of()),
                leaf("begin", Arg.NONE, "when a process of the program starts"),
                leaf("end", Arg.NONE, "when a process of the program exits"))),
        node("perf", Arg.NONE, false, "perf events",
            perf("sw", "software events", PERF_SW, KernelFeature.PERF_SOFTWARE),
            perf("hw", "hardware counters", PERF_HW, KernelFeature.PERF_HARDWARE)));

    private ProbeTree() {
    }

    /** The node for a path of component names, or null when the path leaves the built-in tree. */
    static Node find(List<PointParser.Component> path) {
        Node n = ROOT;
        for (PointParser.Component c : path) {
            n = n.child(c.name());
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    private static Node syscalls() {
        Node each = new Node("*", Arg.NONE, Source.NONE, true, "system call entry", KernelFeature.TRACEPOINT, false,
            List.of(leaf("return", Arg.NONE, "system call return; $return holds the result")));
        return new Node("syscall", Arg.NONE, Source.NONE, false, "system calls (sys_enter/sys_exit tracepoints)",
            null, true, List.of(each));
    }

    private static Node timer(String name, String description) {
        return new Node(name, Arg.NUMBER, Source.NONE, true, description, null, false,
            List.of(new Node("randomize", Arg.NUMBER, Source.NONE, true, "vary each interval by up to N", null,
                false, List.of())));
    }

    private static Node perf(String name, String description, String[] events, KernelFeature feature) {
        List<Node> children = new ArrayList<>();
        for (String e : events) {
            children.add(new Node(e, Arg.NONE, Source.NONE, true, "perf." + name + "." + e, feature, false,
                List.of(new Node("sample", Arg.NUMBER, Source.NONE, true, "fire every N events", feature, false,
                    List.of()))));
        }
        return new Node(name, Arg.NONE, Source.NONE, false, description, feature, false, children);
    }

    private static List<Node> returnOrCall(String what) {
        return List.of(leaf("return", Arg.NONE, "when " + what + " returns; $return holds the result"),
            leaf("call", Arg.NONE, "on entry to " + what));
    }

    private static Node leaf(String name, Arg arg, String description) {
        return new Node(name, arg, Source.NONE, true, description, null, false, List.of());
    }

    private static Node node(String name, Arg arg, boolean terminal, String description, Node... children) {
        return new Node(name, arg, Source.NONE, terminal, description, null, false, Arrays.asList(children));
    }
}
