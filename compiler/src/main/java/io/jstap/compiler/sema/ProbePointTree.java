package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.probe.ProbeCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The probe point namespace as a tree of components, as stap's match nodes: built-in families (with a
 * {@link Family} at the node that completes them) and alias names (with their declarations). A point is
 * matched component by component; wildcard components match every child whose name fits.
 */
final class ProbePointTree {

    /** The parameter a component takes. */
    enum Arg { NONE, NUMBER, STRING, OPT_NUMBER, OPT_STRING, STRING_OR_NUMBER, OPT_STRING_OR_NUMBER }

    /** Builds the targets of a completed built-in point; {@code args} are parallel to {@code names}. */
    interface Family {
        List<ProbeTarget> build(List<String> names, List<Expr> args, FamilyContext ctx);
    }

    /** What a family builder may use: the catalog, the options, and a way to explain a failure. */
    interface FamilyContext {
        ProbeCatalog catalog();

        ElabOptions options();

        Span span();

        void error(String message, String... notes);
    }

    static final class Node {
        final String name;
        final Arg arg;
        final String path;
        final Map<String, Node> children = new LinkedHashMap<>();
        Family family;
        final List<Decl.ProbeAlias> aliases = new ArrayList<>();

        Node(String name, Arg arg, String path) {
            this.name = name;
            this.arg = arg;
            this.path = path;
        }

        boolean terminal() {
            return family != null || !aliases.isEmpty();
        }

        /** The name with its parameter placeholder, as shown in suggestions. */
        String display() {
            switch (arg) {
                case NUMBER: return name + "(N)";
                case STRING: return name + "(\"...\")";
                case STRING_OR_NUMBER: return name + "(...)";
                default: return name;
            }
        }
    }

    /** A completed match: the node reached, the concrete component names and parameters on the way. */
    record Match(Node node, List<String> names, List<Expr> args, List<Decl.ProbeAlias> aliases) {
        Match withoutAliases() {
            return new Match(node, names, args, List.of());
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                sb.append(i == 0 ? "" : ".").append(new ProbePoint.Component(null, names.get(i), args.get(i)));
            }
            return sb.toString();
        }
    }

    /** The matches of a point, or why there are none ({@code depth}: how many components did match). */
    record Result(List<Match> matches, String error, List<String> notes, int depth) {
    }

    private final Node root = new Node("", Arg.NONE, "");

    /** Adds a built-in path such as {@code "timer", "s(N)", "randomize(N)"} completed by {@code family}. */
    void add(Family family, String... components) {
        Node n = root;
        for (String c : components) {
            int open = c.indexOf('(');
            String name = open < 0 ? c : c.substring(0, open);
            Arg arg = open < 0 ? Arg.NONE : parseArg(c.substring(open + 1, c.length() - 1));
            n = child(n, name, arg);
        }
        n.family = family;
    }

    /** Adds every name of an alias declaration. */
    void addAlias(Decl.ProbeAlias alias) {
        for (ProbePoint name : alias.names()) {
            Node n = root;
            for (ProbePoint.Component c : name.components()) {
                n = child(n, c.name(), Arg.NONE);
            }
            n.aliases.add(alias);
        }
    }

    /** True if some alias already defines exactly this name. */
    boolean hasAlias(List<String> names) {
        Node n = root;
        for (String s : names) {
            n = n.children.get(s);
            if (n == null) {
                return false;
            }
        }
        return !n.aliases.isEmpty();
    }

    private static Node child(Node n, String name, Arg arg) {
        Node c = n.children.get(name);
        if (c == null) {
            c = new Node(name, arg, n.path.isEmpty() ? name : n.path + "." + name);
            n.children.put(name, c);
        }
        return c;
    }

    private static Arg parseArg(String s) {
        switch (s) {
            case "N": return Arg.NUMBER;
            case "S": return Arg.STRING;
            case "N?": return Arg.OPT_NUMBER;
            case "S?": return Arg.OPT_STRING;
            case "SN": return Arg.STRING_OR_NUMBER;
            case "SN?": return Arg.OPT_STRING_OR_NUMBER;
            default: throw new IllegalArgumentException(s);
        }
    }

    Result match(ProbePoint point) {
        Walk w = new Walk(point.components());
        w.walk(root, 0, new ArrayList<>(), new ArrayList<>());
        if (!w.out.isEmpty()) {
            return new Result(w.out, null, List.of(), point.components().size());
        }
        if (w.argError != null) {
            return new Result(List.of(), w.argError, List.of(), point.components().size());
        }
        List<String> notes = new ArrayList<>();
        String what = w.incomplete != null ? "incomplete probe point '" + w.incomplete + "'"
                : "no match for '" + stripMarkers(point) + "'";
        List<String> near = new ArrayList<>();
        for (String s : DidYouMean.suggest(w.missName, w.candidates)) {
            near.add(w.missPrefix.isEmpty() ? s : w.missPrefix + "." + s);
        }
        String dym = near.isEmpty() ? null : "did you mean: " + String.join(" ", near) + "?";
        if (w.incomplete != null && !w.candidates.isEmpty()) {
            notes.add("it continues with: " + String.join(" ", w.candidates.subList(0, Math.min(8, w.candidates.size())))
                    + (w.candidates.size() > 8 ? " ..." : ""));
        } else if (dym != null) {
            notes.add(dym);
        }
        return new Result(List.of(), "probe point mismatch: " + what, notes, w.missDepth);
    }

    private static String stripMarkers(ProbePoint p) {
        String s = p.toString();
        return s.endsWith("?") || s.endsWith("!") ? s.substring(0, s.length() - 1) : s;
    }

    /** One matching walk; remembers the deepest failure for the diagnostic. */
    private static final class Walk {
        final List<ProbePoint.Component> comps;
        final List<Match> out = new ArrayList<>();
        int missDepth = -1;
        String missName = "";
        String missPrefix = "";
        List<String> candidates = List.of();
        String incomplete;
        String argError;

        Walk(List<ProbePoint.Component> comps) {
            this.comps = comps;
        }

        void walk(Node n, int i, List<String> names, List<Expr> args) {
            if (i == comps.size()) {
                if (n.terminal()) {
                    out.add(new Match(n, List.copyOf(names), new ArrayList<>(args), List.copyOf(n.aliases)));
                } else if (i > missDepth) {
                    missDepth = i;
                    incomplete = n.path;
                    candidates = n.children.values().stream().map(c -> n.path + "." + c.display()).toList();
                }
                return;
            }
            ProbePoint.Component c = comps.get(i);
            boolean any = false;
            if (Glob.isPattern(c.name())) {
                for (Node child : n.children.values()) {
                    if (Glob.matches(c.name(), child.name) && argFits(child.arg, c.arg())) {
                        any = true;
                        descend(child, i, names, args, c.arg());
                    }
                }
            } else {
                Node child = n.children.get(c.name());
                if (child != null) {
                    if (argFits(child.arg, c.arg())) {
                        any = true;
                        descend(child, i, names, args, c.arg());
                    } else if (argError == null) {
                        argError = "probe point mismatch: '" + child.path + "' " + argNeed(child.arg);
                    }
                }
            }
            if (!any && i >= missDepth && argError == null) {
                missDepth = i;
                incomplete = null;
                missName = c.name();
                missPrefix = n.path;
                candidates = n.children.values().stream().map(ch -> ch.name).toList();
            }
        }

        private void descend(Node child, int i, List<String> names, List<Expr> args, Expr arg) {
            names.add(child.name);
            args.add(arg);
            walk(child, i + 1, names, args);
            names.remove(names.size() - 1);
            args.remove(args.size() - 1);
        }

        private static boolean argFits(Arg want, Expr got) {
            switch (want) {
                case NONE: return got == null;
                case NUMBER: return got instanceof Expr.LongLit;
                case STRING: return got instanceof Expr.StringLit;
                case OPT_NUMBER: return got == null || got instanceof Expr.LongLit;
                case OPT_STRING: return got == null || got instanceof Expr.StringLit;
                case OPT_STRING_OR_NUMBER: return got == null || got instanceof Expr.StringLit || got instanceof Expr.LongLit;
                default: return got != null;
            }
        }

        private static String argNeed(Arg a) {
            switch (a) {
                case NONE: return "takes no parameter";
                case NUMBER: return "needs a number parameter";
                case STRING: return "needs a string parameter";
                case OPT_NUMBER: return "takes an optional number parameter";
                case OPT_STRING: return "takes an optional string parameter";
                case OPT_STRING_OR_NUMBER: return "takes an optional string or number parameter";
                default: return "needs a parameter";
            }
        }
    }
}
