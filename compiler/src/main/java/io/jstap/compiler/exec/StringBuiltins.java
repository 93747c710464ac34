package io.jstap.compiler.exec;

import io.jstap.compiler.format.StringFunctions;

import java.util.List;

/**
 * stap's string tapset, delegating to {@link StringFunctions} (the same code formats kernel
 * records, so both back ends agree). {@code tokenize} keeps its position per thread, as stap
 * keeps it in the per-CPU probe context, across probe runs.
 */
final class StringBuiltins {

    private StringBuiltins() {
    }

    private static String s(List<Object> args, int i) {
        return (String) args.get(i);
    }

    private static long l(List<Object> args, int i) {
        return (Long) args.get(i);
    }

    private static int max(Execution x) {
        return x.interp.limits().maxStringLen();
    }

    static void register(Builtins b) {
        b.add("strlen", (x, site, a) -> StringFunctions.strlen(s(a, 0)));
        b.add("substr", (x, site, a) -> StringFunctions.substr(s(a, 0), l(a, 1), l(a, 2), max(x)));
        b.add("stringat", (x, site, a) -> StringFunctions.stringat(s(a, 0), l(a, 1)));
        b.add("isinstr", (x, site, a) -> StringFunctions.isinstr(s(a, 0), s(a, 1)));
        b.add("strpos", (x, site, a) -> StringFunctions.strpos(s(a, 0), s(a, 1)));
        b.add("str_replace", (x, site, a) -> StringFunctions.strReplace(s(a, 0), s(a, 1), s(a, 2), max(x)));
        b.add("strtol", (x, site, a) -> StringFunctions.strtol(s(a, 0), a.size() > 1 ? l(a, 1) : 10));
        b.add("isdigit", (x, site, a) -> StringFunctions.isdigit(s(a, 0)));
        b.add("text_str", (x, site, a) -> StringFunctions.textStr(s(a, 0), max(x)));
        b.add("text_strn", (x, site, a) -> StringFunctions.textStrn(s(a, 0), l(a, 1), l(a, 2), max(x)));
        b.add("string_quoted", (x, site, a) -> StringFunctions.stringQuoted(s(a, 0), max(x)));
        b.add("tokenize", (x, site, a) -> a.size() == 1
                ? x.interp.tokenizer().tokenize(s(a, 0))
                : x.interp.tokenizer().tokenize(s(a, 0), s(a, 1)));
    }
}
