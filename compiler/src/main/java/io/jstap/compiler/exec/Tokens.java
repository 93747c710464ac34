package io.jstap.compiler.exec;

import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.Stmt;

/**
 * Describes a node the way stap prints the token an error happened near: its token type, the
 * token text in quotes (not for keywords), and {@code at file:line:col}. Examples:
 * {@code operator '/' at t.stp:3:9}, {@code identifier 'x' at t.stp:1:5}, {@code keyword at t.stp:2:3}.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String near(Expr e) {
        return text(e) + " at " + e.loc();
    }

    public static String near(Stmt s) {
        if (s instanceof Stmt.ExprStmt x) {
            return text(x.expr()) + " at " + s.loc();
        }
        if (s instanceof Stmt.Block) {
            return "operator '{' at " + s.loc();
        }
        return "keyword at " + s.loc();
    }

    /** "identifier 'name' at loc" for a named thing at {@code e}'s location. */
    public static String identifier(String name, Expr e) {
        return "identifier '" + printable(name) + "' at " + e.loc();
    }

    static String text(Expr e) {
        if (e instanceof Expr.LongLit l) {
            return "number '" + l.value() + "'";
        } else if (e instanceof Expr.StrLit s) {
            return "string '" + printable(s.value()) + "'";
        } else if (e instanceof Expr.Local l) {
            return ident(l.var().name());
        } else if (e instanceof Expr.GlobalVar g) {
            return ident(g.name());
        } else if (e instanceof Expr.GlobalElem g) {
            return ident(g.name());
        } else if (e instanceof Expr.Call c) {
            return ident(c.name());
        } else if (e instanceof Expr.BuiltinCall c) {
            return ident(c.name());
        } else if (e instanceof Expr.Format f) {
            return ident(f.kind() == Expr.Format.FormatKind.PRINTF ? "printf" : "sprintf");
        } else if (e instanceof Expr.TracepointField f) {
            return ident("$" + f.name());
        } else if (e instanceof Expr.Binary b) {
            return op(b.op().text);
        } else if (e instanceof Expr.Compare c) {
            return op(c.op().text);
        } else if (e instanceof Expr.Unary u) {
            return op(u.op().text);
        } else if (e instanceof Expr.Concat) {
            return op(".");
        } else if (e instanceof Expr.Logical l) {
            return op(l.and() ? "&&" : "||");
        } else if (e instanceof Expr.Ternary) {
            return op("?");
        } else if (e instanceof Expr.IncDec i) {
            return op(i.increment() ? "++" : "--");
        } else if (e instanceof Expr.Assign a) {
            return op(a.op().text);
        } else if (e instanceof Expr.StatsAdd) {
            return op("<<<");
        } else if (e instanceof Expr.StatsOp s) {
            return op(s.agg().text);
        } else if (e instanceof Expr.Hist h) {
            return op(h.spec().type() == HistogramSpec.Type.LINEAR ? "@hist_linear" : "@hist_log");
        } else if (e instanceof Expr.HistBucket) {
            return op("[");
        } else if (e instanceof Expr.AnyKey) {
            return op("*");
        }
        // InArray's token is the keyword 'in'; context reads are identifiers in stap's tapsets
        return e instanceof Expr.InArray ? "keyword" : "identifier";
    }

    private static String ident(String name) {
        return "identifier '" + printable(name) + "'";
    }

    private static String op(String text) {
        return "operator '" + text + "'";
    }

    /** stap prints a token's non-printable characters as '?'. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.toString();
    }
}
