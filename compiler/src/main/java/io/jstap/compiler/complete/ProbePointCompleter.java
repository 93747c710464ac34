package io.jstap.compiler.complete;

import io.jstap.compiler.complete.ProbeTree.Arg;
import io.jstap.compiler.complete.ProbeTree.Node;
import io.jstap.compiler.probe.KernelFeature;
import io.jstap.compiler.probe.ProbeCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Collection;

/**
 * Probe point candidates, one component at a time: the built-in families of {@link ProbeTree}, syscall names
 * from the catalog, tapset alias components, and the arguments of {@code kernel.trace("...")},
 * {@code process("...")}, {@code .function("...")} and {@code .mark("...")}.
 */
final class ProbePointCompleter {

    private final CompletionSources sources;
    private final PathCompleter paths;
    private Collection<String> aliasNames;
    private AliasTree aliasTree;

    ProbePointCompleter(CompletionSources sources, PathCompleter paths) {
        this.sources = sources;
        this.paths = paths;
    }

    /** Names that may follow {@code parents}; the word is the partial name. */
    Completion components(CursorContext cx, String buffer, int cursor) {
        List<PointParser.Component> parents = cx.components();
        CandidateList out = new CandidateList();
        Node node = ProbeTree.find(parents);
        char next = cursor < buffer.length() ? buffer.charAt(cursor) : 0;
        if (node != null && node.syscalls()) {
            Node each = node.children().get(0);
            String description = describe(each);
            addNode(out, each, "*", "every system call", next);
            for (String name : sources.catalog().syscalls()) {
                addNode(out, each, name, description, next);
            }
        } else if (node != null) {
            for (Node child : node.children()) {
                addNode(out, child, child.name(), describe(child), next);
            }
        }
        addAliases(out, parents, next);
        return new Completion(cx.wordStart(), out.select(cx.word()));
    }

    /** Candidates for the argument of the last component in {@code cx.components()}. */
    Completion argument(CursorContext cx, String buffer, int cursor) {
        List<PointParser.Component> path = cx.components();
        Node node = ProbeTree.find(path);
        if (node == null || node.arg() == Arg.NONE) {
            return Completion.none(cursor);
        }
        String usage = String.join(".", names(path)) + ": " + node.description();
        if (node.arg() == Arg.NUMBER || node.arg() == Arg.OPTIONAL_NUMBER || cx.wordType() == Token.Type.NUMBER) {
            return new Completion(cursor, List.of(), usage);
        }
        String after = buffer.substring(cursor);
        String prefix = cx.quoted() ? "" : "\"";
        String closer = after.startsWith("\"") ? "" : after.startsWith(")") ? "\"" : "\")";
        boolean finished = node.children().isEmpty();
        String needle = cx.word();
        CandidateList out = new CandidateList();
        ProbeCatalog catalog = sources.catalog();
        switch (node.source()) {
            case TRACEPOINT:
                for (String tp : catalog.tracepoints()) {
                    out.add(tp, prefix + tp + closer, tp, "tracepoint", Kind.TRACEPOINT, finished);
                }
                break;
            case PATH:
                paths.add(out, needle, prefix, closer, !needle.startsWith("/") && !needle.startsWith(".")
                    && !needle.startsWith("~"), true, finished);
                needle = needle.contains("/") ? PathCompleter.needle(needle) : needle;
                break;
            case FUNCTION_SYMBOL:
            case USDT:
                if (processArg(path) == null) {
                    return new Completion(cursor, List.of(), "name the program first: process(\"PATH\")."
                        + path.get(path.size() - 1).name() + "(\"...\")");
                }
                Optional<String> binary = binary(path);
                if (binary.isEmpty()) {
                    return new Completion(cursor, List.of(), "cannot find the program " + processArg(path));
                }
                symbols(out, node.source(), binary.get(), prefix, closer, finished);
                break;
            case KERNEL_FUNCTION:
                return new Completion(cursor, List.of(), kprobeNote(catalog));
            default:
                return Completion.none(cursor);
        }
        int from = cx.quoted() ? cx.wordStart() : cursor;
        return new Completion(from, out.select(needle), "");
    }

    private void symbols(CandidateList out, ProbeTree.Source source, String binary, String prefix, String closer,
                         boolean finished) {
        ProbeCatalog catalog = sources.catalog();
        if (source == ProbeTree.Source.FUNCTION_SYMBOL) {
            for (String sym : catalog.functionSymbols(binary)) {
                out.add(sym, prefix + PathCompleter.escape(sym, true) + closer, sym, "function in " + binary,
                    Kind.SYMBOL, finished);
            }
            return;
        }
        for (String probe : catalog.usdtProbes(binary)) {
            int colon = probe.indexOf(':');
            String name = probe.substring(colon + 1);
            String provider = colon < 0 ? "" : "provider " + probe.substring(0, colon);
            out.add(name, prefix + PathCompleter.escape(name, true) + closer, name, provider, Kind.SYMBOL, finished);
        }
    }

    private Optional<String> binary(List<PointParser.Component> path) {
        String arg = processArg(path);
        return arg == null ? Optional.empty() : sources.catalog().resolveBinary(arg);
    }

    private static String processArg(List<PointParser.Component> path) {
        for (PointParser.Component c : path) {
            if (c.name().equals("process")) {
                return c.arg();
            }
        }
        return null;
    }

    private static String kprobeNote(ProbeCatalog catalog) {
        String kernel = " on kernel " + catalog.kernelRelease();
        if (catalog.features().contains(KernelFeature.KPROBE)) {
            return "kernel.function(\"NAME\"): kprobes are available" + kernel
                + "; kernel function names are not listed, type the name";
        }
        return "kernel.function(\"NAME\"): kprobes are not available" + kernel
            + " (needs CONFIG_KPROBE_EVENTS); use kernel.trace(\"...\") or syscall.* instead";
    }

    /**
     * Adds one component. Its value says what must follow: {@code ("} or {@code (} for a required argument,
     * {@code .} when the point cannot end here, nothing otherwise; a suffix already under the cursor is not
     * repeated.
     */
    private static void addNode(CandidateList out, Node n, String name, String description, char next) {
        String suffix = "";
        if (n.arg() == Arg.STRING) {
            suffix = next == '(' ? "" : "(\"";
        } else if (n.arg() == Arg.NUMBER) {
            suffix = next == '(' ? "" : "(";
        } else if (!n.terminal() && n.arg() == Arg.NONE) {
            suffix = next == '.' ? "" : ".";
        }
        boolean complete = n.terminal() && n.children().isEmpty() && !n.requiresArg();
        out.add(name, name + suffix, name, description, Kind.PROBE_COMPONENT, complete);
    }

    private String describe(Node n) {
        KernelFeature f = n.feature();
        if (f != null && !sources.catalog().features().contains(f)) {
            return n.description() + " (not available: no " + f.description() + ")";
        }
        return n.description();
    }

    /** Components contributed by tapset aliases whose leading components are exactly {@code parents}. */
    private void addAliases(CandidateList out, List<PointParser.Component> parents, char next) {
        for (PointParser.Component c : parents) {
            if (c.arg() != null) {
                return;   // aliases take no arguments
            }
        }
        AliasTree.Node node = aliases().find(names(parents));
        if (node == null) {
            return;
        }
        String prefix = "tapset alias " + String.join(".", names(parents)) + (parents.isEmpty() ? "" : ".");
        for (Map.Entry<String, AliasTree.Node> e : node.children.entrySet()) {
            boolean ends = e.getValue().ends;
            boolean continues = !e.getValue().children.isEmpty();
            String suffix = ends || next == '.' ? "" : ".";
            out.add(e.getKey(), e.getKey() + suffix, e.getKey(), prefix + e.getKey(), Kind.PROBE_COMPONENT,
                ends && !continues);
        }
    }

    /** The alias tree, rebuilt only when the sources hand out a different collection. */
    private AliasTree aliases() {
        Collection<String> current = sources.aliasNames();
        synchronized (this) {
            if (current != aliasNames || aliasTree == null) {
                aliasNames = current;
                aliasTree = new AliasTree(current);
            }
            return aliasTree;
        }
    }

    private static List<String> names(List<PointParser.Component> path) {
        return path.stream().map(PointParser.Component::name).toList();
    }
}
