package io.jstap.runtime.live;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Node;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.parse.ExprResult;
import io.jstap.compiler.parse.InputKind;
import io.jstap.compiler.parse.ParseResult;
import io.jstap.compiler.parse.Parser;
import io.jstap.compiler.parse.PreprocessorContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cuts one piece of REPL input into snippets: each declaration its own snippet (so that {@code global a, b}
 * can later be replaced one name at a time), or the whole input as one statement or expression. The input
 * is parsed after the session's macro definitions, so it may use them.
 */
final class SnippetSplitter {

    /** A snippet before it has an id; {@code histogram} for an expression that draws one. */
    record Draft(Snippet.Kind kind, String name, String text, boolean histogram) {
        Draft(Snippet.Kind kind, String name, String text) {
            this(kind, name, text, false);
        }
    }

    /**
     * The drafts, or parse errors (located in the input) and no drafts. {@code statement} is true when the
     * input runs now rather than joining the session.
     */
    record Split(List<Draft> drafts, List<Diagnostic> diagnostics, boolean statement) {
        boolean failed() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** Calls whose value is nothing to print: run as statements, not wrapped in {@code println}. */
    private static final Set<String> STATEMENT_CALLS = Set.of("printf", "print", "println", "printd", "printdln",
            "print_char", "exit", "error", "warn", "abort", "delete");

    private static final java.util.regex.Pattern DECLARATION_START =
            java.util.regex.Pattern.compile("\\s*(probe|global|function|private|@define)\\b");

    private final PreprocessorContext pp;

    SnippetSplitter(PreprocessorContext pp) {
        this.pp = pp;
    }

    /**
     * @param macros the session's macro snippets, which the input may use
     * @param id     the id the (first) new snippet will get; parse errors are reported in {@code #id}
     */
    Split split(String input, List<Snippet> macros, int id) {
        InputKind kind = Parser.classify(input);
        if (kind == InputKind.EMPTY) {
            return new Split(List.of(), List.of(), false);
        }
        SourceMap map = join(macros, id, input);
        boolean declaration = kind == InputKind.DECLARATION
                || kind == InputKind.INCOMPLETE && DECLARATION_START.matcher(input).lookingAt();
        if (!declaration) {
            return new Split(List.of(statement(input, map)), List.of(), true);
        }
        ParseResult r = Parser.parse(map.source(), pp);
        List<Diagnostic> diags = r.diagnostics().list().stream().map(map::remap).collect(Collectors.toList());
        if (r.diagnostics().hasErrors()) {
            return new Split(List.of(), diags, false);
        }
        int start = map.offsetOf(id);
        List<Node> items = new ArrayList<>();
        for (Decl d : r.script().decls()) {
            if (d.span().offset() >= start) {
                items.add(d);
            }
        }
        for (Decl.Macro m : r.script().macros()) {
            if (m.span().offset() >= start) {
                items.add(m);
            }
        }
        items.sort(Comparator.comparingInt(n -> n.span().offset()));
        return new Split(drafts(input, items, start), diags, false);
    }

    private static SourceMap join(List<Snippet> macros, int id, String input) {
        SourceMap.Builder b = SourceMap.builder();
        for (Snippet m : macros) {
            b.add(m.id(), m.sourceName(), m.source());
        }
        return b.add(id, "#" + id, input).build();
    }

    /** One snippet per declaration, cut at declaration starts; leading comments stay with what follows. */
    private static List<Draft> drafts(String input, List<Node> items, int start) {
        List<Draft> out = new ArrayList<>();
        if (items.isEmpty()) {
            return out;
        }
        // Conditionals and macro uses at top level make text and declarations diverge: keep the input whole.
        boolean whole = topLevelConditional(input, items, start)
                || items.stream().anyMatch(n -> n.span().expandedFrom() != null);
        if (whole || items.size() == 1 && !(items.get(0) instanceof Decl.Global g && g.vars().size() > 1)) {
            Node first = items.get(0);
            out.add(new Draft(kindOf(first), nameOf(first), input));
            return out;
        }
        int[] cuts = new int[items.size() + 1];
        for (int i = 1; i < items.size(); i++) {
            Node prev = items.get(i - 1);
            cuts[i] = cutBefore(input, items.get(i).span().offset() - start,
                    prev.span().offset() - start + prev.span().length());
        }
        cuts[items.size()] = input.length();
        for (int i = 0; i < items.size(); i++) {
            Node n = items.get(i);
            int from = cuts[i];
            int to = cuts[i + 1];
            String text = input.substring(from, to);
            if (n instanceof Decl.Global g && g.vars().size() > 1) {
                for (Decl.GlobalVar v : g.vars()) {
                    String one = (g.isPrivate() ? "private global " : "global ") + slice(input, v.span(), start);
                    out.add(new Draft(Snippet.Kind.GLOBAL, v.name(), one));
                }
            } else {
                out.add(new Draft(kindOf(n), nameOf(n), text));
            }
        }
        return out;
    }

    /**
     * Where the snippet of the declaration at {@code at} starts: at its line, with the comment lines right
     * above it, but not before {@code floor} (the end of the previous declaration).
     */
    static int cutBefore(String input, int at, int floor) {
        int lineStart = input.lastIndexOf('\n', at - 1) + 1;
        if (lineStart < floor || !input.substring(lineStart, at).isBlank()) {
            return at;
        }
        int cut = lineStart;
        while (cut > floor) {
            int prevStart = input.lastIndexOf('\n', cut - 2) + 1;
            if (prevStart < floor) {
                break;
            }
            String line = input.substring(prevStart, cut - 1).strip();
            if (!line.startsWith("#") && !line.startsWith("//")) {
                break;
            }
            cut = prevStart;
        }
        return cut;
    }

    /** True when a {@code %(} lies outside every declaration: a conditional that chooses declarations. */
    private static boolean topLevelConditional(String input, List<Node> items, int start) {
        for (int i = input.indexOf("%("); i >= 0; i = input.indexOf("%(", i + 2)) {
            boolean inside = false;
            for (Node n : items) {
                int from = n.span().offset() - start;
                if (i >= from && i < from + n.span().length()) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                return true;
            }
        }
        return false;
    }

    private static String slice(String input, Span s, int start) {
        int from = s.offset() - start;
        return input.substring(from, Math.min(input.length(), from + s.length()));
    }

    static Snippet.Kind kindOf(Node n) {
        if (n instanceof Decl.Global) {
            return Snippet.Kind.GLOBAL;
        }
        if (n instanceof Decl.Probe) {
            return Snippet.Kind.PROBE;
        }
        if (n instanceof Decl.Function) {
            return Snippet.Kind.FUNCTION;
        }
        if (n instanceof Decl.ProbeAlias) {
            return Snippet.Kind.ALIAS;
        }
        return Snippet.Kind.MACRO;
    }

    static String nameOf(Node n) {
        if (n instanceof Decl.Global g) {
            return g.vars().isEmpty() ? "" : g.vars().get(0).name();
        }
        if (n instanceof Decl.Probe p) {
            return points(p.points());
        }
        if (n instanceof Decl.Function f) {
            return f.name();
        }
        if (n instanceof Decl.ProbeAlias a) {
            return points(a.names());
        }
        return ((Decl.Macro) n).name();
    }

    private static String points(List<ProbePoint> points) {
        return points.stream().map(ProbePoint::toString).collect(Collectors.joining(", "));
    }

    /** An expression when the input parses as one whose value is worth printing; otherwise statements. */
    private Draft statement(String input, SourceMap map) {
        ExprResult r = Parser.parseExpression(map.source(), pp);
        if (r.expr() == null && input.strip().startsWith("@hist_")) {
            // a bare histogram does not parse as an expression of its own, only as print's argument
            return new Draft(Snippet.Kind.EXPRESSION, "", input, true);
        }
        if (r.expr() == null || r.diags().hasErrors() || !valued(r.expr())) {
            return new Draft(Snippet.Kind.STATEMENT, "", input);
        }
        return new Draft(Snippet.Kind.EXPRESSION, "", input, r.expr() instanceof Expr.Hist);
    }

    private static boolean valued(Expr e) {
        if (e instanceof Expr.Assign || e instanceof Expr.IncDec) {
            return false;
        }
        return !(e instanceof Expr.Call c && STATEMENT_CALLS.contains(c.name()));
    }
}
