package io.jstap.compiler.exec;

import io.jstap.compiler.format.ArgKind;
import io.jstap.compiler.format.HistogramPrinter;
import io.jstap.compiler.format.PrintfFormat;
import io.jstap.compiler.format.StatsException;
import io.jstap.compiler.format.Utf8;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code print}, {@code println}, {@code printd}, {@code printdln} and their {@code sprint...}
 * forms, formatted as stap does (a synthesised {@code %d}/{@code %s} format). A histogram
 * ({@code print(@hist_log(s))}) is its call's only argument and is drawn as stap draws it;
 * like stap, the {@code ln} forms add no newline after a histogram.
 */
final class PrintBuiltins {

    private PrintBuiltins() {
    }

    static void register(Builtins b) {
        for (boolean toString : new boolean[] {false, true}) {
            String prefix = toString ? "sprint" : "print";
            b.add(prefix, (x, site, args) -> emit(x, args, null, false, toString));
            b.add(prefix + "ln", (x, site, args) -> emit(x, args, null, true, toString));
            b.add(prefix + "d", (x, site, args) -> emit(x, tail(args), (String) args.get(0), false, toString));
            b.add(prefix + "dln", (x, site, args) -> emit(x, tail(args), (String) args.get(0), true, toString));
        }
    }

    private static List<Object> tail(List<Object> args) {
        return args.subList(1, args.size());
    }

    private static Object emit(Execution x, List<Object> args, String delimiter, boolean newline, boolean toString) {
        String text;
        if (args.size() == 1 && args.get(0) instanceof HistValue h) {
            if (h.empty()) {
                throw new StatsException(StatsException.EMPTY_AGGREGATE);
            }
            text = HistogramPrinter.render(h.stats());
            return deliver(x, text, toString);
        }
        List<ArgKind> kinds = new ArrayList<>(args.size());
        for (Object a : args) {
            kinds.add(a instanceof String ? ArgKind.STRING : ArgKind.LONG);
        }
        PrintfFormat fmt = PrintfFormat.forPrint(kinds, delimiter, newline);
        if (toString) {
            return fmt.sprintf(args, x.interp.limits().maxStringLen());
        }
        x.interp.sink().print(fmt.format(args));
        return null;
    }

    private static Object deliver(Execution x, String text, boolean toString) {
        if (toString) {
            return Utf8.truncate(text, x.interp.limits().maxStringBytes());
        }
        x.interp.sink().print(text);
        return null;
    }
}
