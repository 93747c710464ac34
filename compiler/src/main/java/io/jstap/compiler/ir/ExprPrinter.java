package io.jstap.compiler.ir;

import io.jstap.compiler.format.HistogramSpec;

import java.util.List;
import java.util.stream.Collectors;

/** Expression half of {@link IrPrinter}. */
final class ExprPrinter implements ExprVisitor<String> {

    private boolean top;

    /** Prints an expression that stands alone (a statement, a condition): assignments bare. */
    String top(Expr e) {
        top = true;
        return e.accept(this);
    }

    private String sub(Expr e) {
        top = false;
        return e.accept(this);
    }

    String keys(List<Expr> keys) {
        return keys.stream().map(this::sub).collect(Collectors.joining(", ", "[", "]"));
    }

    private String args(List<Expr> args) {
        return args.stream().map(this::sub).collect(Collectors.joining(", ", "(", ")"));
    }

    /** stap string literal syntax; control characters as octal escapes, other text as it is. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\%03o", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    public String visitLongLit(Expr.LongLit e) {
        return Long.toString(e.value());
    }

    public String visitStrLit(Expr.StrLit e) {
        return quote(e.value());
    }

    public String visitLocal(Expr.Local e) {
        return e.var().name();
    }

    public String visitGlobalVar(Expr.GlobalVar e) {
        return e.name();
    }

    public String visitGlobalElem(Expr.GlobalElem e) {
        return e.name() + keys(e.keys());
    }

    public String visitAnyKey(Expr.AnyKey e) {
        return "*";
    }

    public String visitInArray(Expr.InArray e) {
        return "(" + keys(e.keys()) + " in " + e.global() + ")";
    }

    public String visitBinary(Expr.Binary e) {
        return "(" + sub(e.left()) + " " + e.op().text + " " + sub(e.right()) + ")";
    }

    public String visitCompare(Expr.Compare e) {
        return "(" + sub(e.left()) + " " + e.op().text + " " + sub(e.right()) + ")";
    }

    public String visitUnary(Expr.Unary e) {
        return e.op().text + "(" + sub(e.operand()) + ")";
    }

    public String visitConcat(Expr.Concat e) {
        return "(" + sub(e.left()) + " . " + sub(e.right()) + ")";
    }

    public String visitLogical(Expr.Logical e) {
        return "(" + sub(e.left()) + (e.and() ? " && " : " || ") + sub(e.right()) + ")";
    }

    public String visitTernary(Expr.Ternary e) {
        return "(" + sub(e.cond()) + " ? " + sub(e.ifTrue()) + " : " + sub(e.ifFalse()) + ")";
    }

    public String visitIncDec(Expr.IncDec e) {
        String op = e.increment() ? "++" : "--";
        String t = sub(e.target());
        return e.prefix() ? op + t : t + op;
    }

    public String visitAssign(Expr.Assign e) {
        boolean bare = top;
        String s = sub(e.target()) + " " + e.op().text + " " + sub(e.value());
        return bare ? s : "(" + s + ")";
    }

    public String visitStatsAdd(Expr.StatsAdd e) {
        boolean bare = top;
        String s = sub(e.target()) + " <<< " + sub(e.value());
        return bare ? s : "(" + s + ")";
    }

    public String visitCall(Expr.Call e) {
        String s = e.name() + args(e.args());
        if (e.targets().size() > 1) {
            s += " /* overloads " + String.join(", ", e.targets()) + " */";
        }
        return s;
    }

    public String visitBuiltinCall(Expr.BuiltinCall e) {
        return e.name() + args(e.args());
    }

    public String visitFormat(Expr.Format e) {
        String name = e.kind() == Expr.Format.FormatKind.PRINTF ? "printf" : "sprintf";
        StringBuilder b = new StringBuilder(name).append('(').append(quote(e.format()));
        for (Expr a : e.args()) {
            b.append(", ").append(sub(a));
        }
        return b.append(')').toString();
    }

    public String visitStatsOp(Expr.StatsOp e) {
        return e.agg().text + "(" + sub(e.source()) + ")";
    }

    public String visitHist(Expr.Hist e) {
        HistogramSpec h = e.spec();
        String src = sub(e.source());
        return h.type() == HistogramSpec.Type.LINEAR
                ? "@hist_linear(" + src + ", " + h.start() + ", " + h.stop() + ", " + h.interval() + ")"
                : "@hist_log(" + src + ")";
    }

    /** {@code @hist_log}, {@code @hist_linear(start, stop, interval)}, or "" for none. */
    static String histogram(HistogramSpec h) {
        switch (h.type()) {
            case LOG: return "@hist_log";
            case LINEAR: return "@hist_linear(" + h.start() + ", " + h.stop() + ", " + h.interval() + ")";
            default: return "";
        }
    }

    public String visitHistBucket(Expr.HistBucket e) {
        return sub(e.hist()) + "[" + sub(e.index()) + "]";
    }

    public String visitTracepointField(Expr.TracepointField e) {
        return "$" + e.name() + " /* offset " + e.offset() + " size " + e.size()
                + (e.signed() ? " signed" : "") + (e.isString() ? " string" : "")
                + (e.dataLoc() ? " data_loc" : "") + " */";
    }

    public String visitRawArg(Expr.RawArg e) {
        return "$arg" + (e.index() + 1);
    }

    public String visitRegister(Expr.Register e) {
        return "register(\"" + e.name() + "\")";
    }
}
