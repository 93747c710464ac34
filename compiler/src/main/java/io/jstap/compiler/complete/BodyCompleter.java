package io.jstap.compiler.complete;

import java.util.Collection;
import java.util.List;

/** Candidates inside code: context variables, {@code @} operators, globals, functions, locals, keywords. */
final class BodyCompleter {

    static final List<String> STATEMENT_KEYWORDS = List.of("if", "else", "for", "foreach", "while", "delete", "next",
        "return", "break", "continue", "try", "catch", "in", "limit");
    static final List<String> TOP_KEYWORDS = List.of("global", "probe", "function", "private", "@define");

    /** {@code @} operators with what they do; those taking arguments complete with an open paren. */
    private static final String[][] AT_OPERATORS = {
        {"@count", "number of values in a statistic"}, {"@sum", "sum of a statistic"},
        {"@min", "minimum of a statistic"}, {"@max", "maximum of a statistic"},
        {"@avg", "average of a statistic"}, {"@variance", "variance of a statistic"},
        {"@hist_log", "power-of-two histogram of a statistic"},
        {"@hist_linear", "linear histogram: @hist_linear(s, low, high, step)"},
        {"@entry", "value of an expression at function entry"},
        {"@defined", "whether a context variable exists"},
    };

    private final CompletionSources sources;

    BodyCompleter(CompletionSources sources) {
        this.sources = sources;
    }

    /** {@code $name} completion from the enclosing probe's first point. */
    Completion contextVars(CursorContext cx) {
        CandidateList out = new CandidateList();
        if (cx.probePoint() != null && !cx.probePoint().isEmpty()) {
            for (String entry : sources.contextVars(cx.probePoint())) {
                int colon = entry.indexOf(':');
                String name = colon < 0 ? entry : entry.substring(0, colon);
                String type = colon < 0 ? "" : entry.substring(colon + 1);
                name = name.startsWith("$") ? name : "$" + name;
                out.add(name, name, name, type, Kind.CONTEXT_VAR, false);
            }
        }
        List<Candidate> found = out.select(cx.word());
        if (found.isEmpty() && cx.word().equals("$")) {
            String note = cx.probePoint() == null ? "context variables exist only in probe bodies"
                : "no context variables known for " + (cx.probePoint().isEmpty() ? "this probe" : cx.probePoint());
            return new Completion(cx.wordStart(), List.of(), note);
        }
        return new Completion(cx.wordStart(), found);
    }

    /** {@code @count(} and friends. */
    Completion atOperators(CursorContext cx) {
        CandidateList out = new CandidateList();
        for (String[] op : AT_OPERATORS) {
            out.add(op[0], op[0] + "(", op[0], op[1], Kind.KEYWORD, false);
        }
        return new Completion(cx.wordStart(), out.select(cx.word()));
    }

    /**
     * Names: globals first (a local can never shadow one in stap), then functions, locals and, when
     * {@code keywords}, statement keywords.
     */
    Completion identifiers(CursorContext cx, ScriptDecls decls, boolean keywords) {
        CandidateList out = new CandidateList();
        for (GlobalInfo g : sources.globals()) {
            out.add(g.name(), g.name(), g.name(), g.type(), Kind.GLOBAL, false);
        }
        for (String g : decls.globals()) {
            out.add(g, g, g, "global in this script", Kind.GLOBAL, false);
        }
        addFunctions(out, sources.functions());
        addFunctions(out, decls.functions());
        for (String local : cx.locals()) {
            out.add(local, local, local, "local", Kind.LOCAL, false);
        }
        if (keywords) {
            for (String k : STATEMENT_KEYWORDS) {
                out.add(k, k, k, "", Kind.KEYWORD, true);
            }
        }
        return new Completion(cx.wordStart(), out.select(cx.word()));
    }

    /** Between declarations. */
    static Completion topLevel(CursorContext cx) {
        CandidateList out = new CandidateList();
        for (String k : TOP_KEYWORDS) {
            out.add(k, k, k, "", Kind.KEYWORD, true);
        }
        return new Completion(cx.wordStart(), out.select(cx.word()));
    }

    private static void addFunctions(CandidateList out, Collection<FunctionInfo> functions) {
        for (FunctionInfo f : functions) {
            String value = f.name() + (f.takesNoArguments() ? "()" : "(");
            out.add(f.name(), value, f.name(), f.signature(), Kind.FUNCTION, false);
        }
    }
}
