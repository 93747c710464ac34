package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.parse.StapParser.ExprContext;
import java.util.List;

/**
 * The print functions stap parses specially (print_format::create): the format of printf/sprintf and the
 * delimiter of printd/printdln/sprintd/sprintdln must be literal strings, and print/sprint/print_char need
 * an argument.
 */
final class PrintFamily {
    private PrintFamily() {
    }

    /** Whether {@code name} may print a bare histogram: {@code print(@hist_log(s))}. */
    static boolean printsHistogram(String name) {
        return name.equals("print") || name.equals("println") || name.equals("sprint") || name.equals("sprintln");
    }

    static void check(BuildContext b, String name, List<Expr> args, List<ExprContext> argCtxs, Span close) {
        String base = name.startsWith("s") ? name.substring(1) : name;
        if (name.equals("print_char") || base.equals("print")) {
            if (args.isEmpty()) {
                b.error(ParseCodes.SYNTAX, "expected expression", close, "saw: operator ')'");
            }
            return;
        }
        boolean format = base.equals("printf");
        boolean delim = base.equals("printd") || base.equals("printdln");
        if (!format && !delim) {
            return;
        }
        if (args.isEmpty()) {
            b.error(ParseCodes.SYNTAX, "expected literal string", close, "saw: operator ')'");
            return;
        }
        if (!(args.get(0) instanceof Expr.StringLit)) {
            b.error(ParseCodes.SYNTAX, "expected literal string", b.span(argCtxs.get(0)),
                    "saw: " + Tokens.describe(argCtxs.get(0).getStart()));
            return;
        }
        if (delim && args.size() < 3) {
            b.error(ParseCodes.SYNTAX, "expected expression", close, "saw: operator ')'");
        }
    }
}
