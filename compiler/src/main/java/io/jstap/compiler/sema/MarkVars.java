package io.jstap.compiler.sema;

import io.jstap.compiler.probe.UsdtArg;
import io.jstap.compiler.sema.ContextVar.Access;
import java.util.ArrayList;
import java.util.List;

/**
 * Context variables of a USDT mark, as stap offers them: {@code $arg1..$argN} (longs, read as the note's
 * operands say), {@code $$parms}/{@code $$vars} ("$arg1=0x.. $arg2=0x.."), {@code $$name} and
 * {@code $$provider}.
 */
final class MarkVars {
    private MarkVars() {
    }

    static ContextVars.Lookup resolve(ProbeTarget.Usdt mark, String name) {
        List<UsdtArg> args;
        try {
            args = mark.site().args();
        } catch (UsdtArg.ParseException e) {
            return ContextVars.Lookup.fail("cannot read the arguments of " + mark.pp() + ": " + e.getMessage());
        }
        switch (name) {
            case "$$name":
                return ContextVars.Lookup.ok(new ContextVar(name, Type.STRING, Access.MARK_NAME, List.of()));
            case "$$provider":
                return ContextVars.Lookup.ok(new ContextVar(name, Type.STRING, Access.MARK_PROVIDER, List.of()));
            case "$$parms": case "$$vars":
                return ContextVars.Lookup.ok(new ContextVar(name, Type.STRING, Access.USDT_ALL, List.of(), args));
            case "$$locals":
                return ContextVars.Lookup.ok(new ContextVar(name, Type.STRING, Access.USDT_ALL, List.of(), List.of()));
            default:
                break;
        }
        if (name.matches("\\$arg[1-9][0-9]{0,2}")) {
            int n = Integer.parseInt(name.substring(4));
            if (n <= args.size()) {
                return ContextVars.Lookup.ok(new ContextVar(name, Type.LONG, Access.USDT_ARG, List.of(),
                        List.of(args.get(n - 1))));
            }
            return ContextVars.Lookup.fail("unable to find context variable '" + name + "' in " + mark.pp()
                    + ": the mark has " + args.size() + " argument" + (args.size() == 1 ? "" : "s"));
        }
        List<String> names = describe(mark);
        return ContextVars.Lookup.fail("unable to find context variable '" + name + "' in " + mark.pp(),
                DidYouMean.note(name, names.stream().map(v -> v.substring(0, v.indexOf(':'))).toList()),
                "available: " + (names.isEmpty() ? "(none)" : String.join(" ", names)));
    }

    /** {@code $arg1:long ...} as {@code stap -L} lists them. */
    static List<String> describe(ProbeTarget.Usdt mark) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= mark.site().argCount(); i++) {
            out.add("$arg" + i + ":long");
        }
        return out;
    }
}
