package io.jstap.compiler.sema;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Expr.Call;
import io.jstap.compiler.diag.Span;
import java.util.List;

/**
 * Calls: resolution to a script, tapset or built-in function, argument counts, argument and parameter
 * types (both ways), return types, and printf-style format checks.
 */
final class CallTyper {
    private final ExprTyper ex;
    private final TypeInference ti;

    CallTyper(ExprTyper ex) {
        this.ex = ex;
        this.ti = ex.ti;
    }

    Type call(Call c, Type want, Scope sc, boolean discard) {
        Object callee = ti.calls.get(c);
        if (callee == null) {
            callee = ti.table.callee(c.name(), c.span().source());
            ti.calls.put(c, callee == null ? TypeInference.UNRESOLVED : callee);
        }
        if (callee instanceof Func f) {
            return function(c, f, want, sc, discard);
        }
        if (callee instanceof BuiltinFunction b) {
            return builtin(c, b, want, sc, discard);
        }
        for (Expr a : c.args()) {
            ex.expr(a, Type.UNKNOWN, sc);
        }
        ex.error(c.span(), "unresolved-function", "unresolved function call '" + c.name() + "'",
                DidYouMean.note(c.name(), ti.table.functionNames()));
        return want;
    }

    private Type function(Call c, Func f, Type want, Scope sc, boolean discard) {
        sc.calls.add(f);
        List<Expr> args = c.args();
        if (args.size() != f.params.size()) {
            ex.error(c.span(), "call-arity", "function '" + f.name + "' takes " + count(f.params.size())
                    + ", called with " + args.size());
            for (Expr a : args) {
                ex.expr(a, Type.UNKNOWN, sc);
            }
        } else {
            for (int i = 0; i < args.size(); i++) {
                Sym p = f.params.get(i);
                Type at = ex.expr(args.get(i), p.type, sc);
                if (at == Type.STATS || at == Type.HIST || at == Type.VOID) {
                    ex.error(args.get(i).span(), "bad-argument", "a function argument must be a long or a string, not "
                            + at);
                } else if (!p.type.known()) {
                    ti.use(p, at, args.get(i).span());
                }
            }
        }
        if (want.known()) {
            ti.decideReturn(f, want, c.span());
        }
        return result(c, f.ret, want, discard);
    }

    private Type result(Call c, Type ret, Type want, boolean discard) {
        if (ret == Type.VOID) {
            if (!discard) {
                ex.error(c.span(), "void-value", "function '" + c.name() + "' returns no value");
            }
            return Type.VOID;
        }
        return ex.expect(c, want, ret);
    }

    private Type builtin(Call c, BuiltinFunction b, Type want, Scope sc, boolean discard) {
        List<Expr> args = c.args();
        switch (b.kind()) {
            case FIXED: {
                int max = b.paramTypes().size();
                if (args.size() < b.minArgs() || args.size() > max) {
                    String range = b.minArgs() == max ? count(max) : b.minArgs() + " to " + max + " arguments";
                    ex.error(c.span(), "call-arity", "function '" + b.name() + "' takes " + range + ", called with "
                            + args.size());
                }
                for (int i = 0; i < args.size(); i++) {
                    Type pt = i < max ? b.paramTypes().get(i) : Type.UNKNOWN;
                    value(args.get(i), pt, sc, false);
                }
                break;
            }
            case FORMAT:
                format(c, b, sc);
                break;
            case VARIADIC: {
                int min = b.name().equals("print") || b.name().equals("sprint") ? 1 : 0;
                if (args.size() < min) {
                    ex.error(c.span(), "call-arity", "function '" + b.name() + "' needs at least one argument");
                }
                for (Expr a : args) {
                    value(a, Type.UNKNOWN, sc, true);
                }
                break;
            }
            default: {
                if (args.size() < 2) {
                    ex.error(c.span(), "call-arity", "function '" + b.name()
                            + "' needs a delimiter and at least one value");
                }
                if (!args.isEmpty() && !(args.get(0) instanceof Expr.StringLit)) {
                    ex.error(args.get(0).span(), "format", "the delimiter of " + b.name() + " must be a literal string");
                }
                for (int i = 0; i < args.size(); i++) {
                    value(args.get(i), i == 0 ? Type.STRING : Type.UNKNOWN, sc, false);
                }
            }
        }
        return result(c, b.returnType(), want, discard);
    }

    /** A built-in's argument: long or string (a histogram only where printing allows it). */
    private void value(Expr a, Type want, Scope sc, boolean histOk) {
        ex.allowHist = histOk;
        ex.expr(a, want, sc);
    }

    private void format(Call c, BuiltinFunction b, Scope sc) {
        List<Expr> args = c.args();
        if (args.isEmpty()) {
            ex.error(c.span(), "call-arity", "function '" + b.name() + "' needs a format string");
            return;
        }
        if (!(args.get(0) instanceof Expr.StringLit fmt)) {
            ex.error(args.get(0).span(), "format", "the format of " + b.name() + " must be a literal string");
            for (Expr a : args) {
                value(a, Type.UNKNOWN, sc, false);
            }
            return;
        }
        ex.expr(fmt, Type.STRING, sc);
        FormatScanner.Result r = FormatScanner.scan(fmt.value());
        if (!r.ok()) {
            ex.error(inLiteral(fmt, r.errorOffset()), "format", r.error());
        }
        List<Type> want = r.argTypes();
        if (r.ok() && want.size() != args.size() - 1) {
            ex.error(c.span(), "format-arity", "format string expects " + count(want.size()) + ", "
                    + (args.size() - 1) + " given");
        }
        for (int i = 1; i < args.size(); i++) {
            value(args.get(i), i - 1 < want.size() ? want.get(i - 1) : Type.UNKNOWN, sc, false);
        }
    }

    /** The span of the character at {@code index} of a string literal's value, found by skipping escapes. */
    static Span inLiteral(Expr.StringLit lit, int index) {
        Span s = lit.span();
        String text = s.source().text();
        int end = Math.min(text.length(), s.offset() + s.length());
        int pos = s.offset();
        if (pos >= end || text.charAt(pos) != '"' || index < 0 || s.expandedFrom() != null) {
            return s;
        }
        pos++;
        for (int decoded = 0; decoded < index && pos < end; decoded++) {
            if (text.charAt(pos) != '\\' || pos + 1 >= end) {
                pos++;
                continue;
            }
            pos++;
            char c = text.charAt(pos);
            if (c >= '0' && c <= '7') {
                for (int k = 0; k < 3 && pos < end && text.charAt(pos) >= '0' && text.charAt(pos) <= '7'; k++) {
                    pos++;
                }
            } else if (c == 'x') {
                pos++;
                while (pos < end && Character.digit(text.charAt(pos), 16) >= 0) {
                    pos++;
                }
            } else {
                pos++;
            }
        }
        if (pos >= end || text.charAt(pos) == '\n') {
            return s;
        }
        return new Span(s.source(), s.line(), s.col() + (pos - s.offset()), pos, 1);
    }

    private static String count(int n) {
        return n + (n == 1 ? " argument" : " arguments");
    }
}
