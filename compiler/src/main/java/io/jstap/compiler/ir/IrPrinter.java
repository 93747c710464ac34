package io.jstap.compiler.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders IR as stap-like text with types (what {@code -p3} prints). Binary operations are fully
 * parenthesised so evaluation order is explicit; statements are indented by two spaces.
 */
public final class IrPrinter {

    private final StringBuilder out = new StringBuilder();
    private final ExprPrinter exprs = new ExprPrinter();
    private int indent;

    private IrPrinter() {
    }

    public static String print(IrProgram p) {
        IrPrinter pr = new IrPrinter();
        for (GlobalDecl g : p.globals()) {
            pr.out.append(global(g)).append('\n');
        }
        for (FunctionDecl f : p.functions()) {
            pr.function(f);
        }
        for (ProbeBody b : p.probes()) {
            pr.probe(b);
        }
        return pr.out.toString();
    }

    public static String print(ProbeBody b) {
        IrPrinter pr = new IrPrinter();
        pr.probe(b);
        return pr.out.toString();
    }

    public static String print(FunctionDecl f) {
        IrPrinter pr = new IrPrinter();
        pr.function(f);
        return pr.out.toString();
    }

    public static String print(Stmt s) {
        IrPrinter pr = new IrPrinter();
        pr.stmt(s);
        return pr.out.toString();
    }

    public static String print(Expr e) {
        return new ExprPrinter().top(e);
    }

    /** {@code global name%[size]: [long, string] -> long = init}. */
    public static String global(GlobalDecl g) {
        StringBuilder b = new StringBuilder("global ").append(g.name());
        if (g.wrap()) {
            b.append('%');
        }
        if (g.maxEntries() > 0) {
            b.append('[').append(g.maxEntries()).append(']');
        }
        b.append(": ");
        if (g.keyed()) {
            b.append(g.keyTypes().stream().map(IrType::toString).collect(Collectors.joining(", ", "[", "] -> ")));
        }
        b.append(g.valueType());
        if (g.histogram().type() != io.jstap.compiler.format.HistogramSpec.Type.NONE) {
            b.append(' ').append(ExprPrinter.histogram(g.histogram()));
        }
        if (g.varianceShift() != 0) {
            b.append(" @variance shift ").append(g.varianceShift());
        }
        if (g.initialValue() != null) {
            b.append(" = ").append(g.initialValue() instanceof String s ? ExprPrinter.quote(s) : g.initialValue());
        }
        return b.toString();
    }

    private void function(FunctionDecl f) {
        out.append("function ").append(f.name()).append('(').append(vars(f.params())).append("): ")
                .append(f.returnType()).append('\n');
        locals(f.locals());
        stmt(asBlock(f.body()));
    }

    private void probe(ProbeBody b) {
        out.append("probe ").append(b.name()).append('\n');
        locals(b.locals());
        stmt(asBlock(b.body()));
    }

    private void locals(List<LocalVar> locals) {
        if (!locals.isEmpty()) {
            out.append("  local ").append(vars(locals)).append('\n');
        }
    }

    private static Stmt asBlock(Stmt s) {
        return s instanceof Stmt.Block ? s : new Stmt.Block(List.of(s), s.loc());
    }

    private static String vars(List<LocalVar> vs) {
        return vs.stream().map(v -> v.name() + ":" + v.type()).collect(Collectors.joining(", "));
    }

    private void line(String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }

    private String e(Expr x) {
        return exprs.top(x);
    }

    private void stmt(Stmt s) {
        if (s instanceof Stmt.Block b) {
            line("{");
            indent++;
            b.stmts().forEach(this::stmt);
            indent--;
            line("}");
        } else if (s instanceof Stmt.ExprStmt x) {
            line(e(x.expr()));
        } else if (s instanceof Stmt.If i) {
            line("if (" + e(i.cond()) + ")");
            nested(i.then());
            if (i.otherwise() != null) {
                line("else");
                nested(i.otherwise());
            }
        } else if (s instanceof Stmt.While w) {
            line("while (" + e(w.cond()) + ")");
            nested(w.body());
        } else if (s instanceof Stmt.For f) {
            line("for (" + opt(f.init()) + "; " + opt(f.cond()) + "; " + opt(f.step()) + ")");
            nested(f.body());
        } else if (s instanceof Stmt.Foreach f) {
            line(foreachHead(f));
            nested(f.body());
        } else if (s instanceof Stmt.Break) {
            line("break");
        } else if (s instanceof Stmt.Continue) {
            line("continue");
        } else if (s instanceof Stmt.Next) {
            line("next");
        } else if (s instanceof Stmt.Return r) {
            line(r.value() == null ? "return" : "return " + e(r.value()));
        } else if (s instanceof Stmt.DeleteElement d) {
            line("delete " + d.global() + exprs.keys(d.keys()));
        } else if (s instanceof Stmt.DeleteGlobal d) {
            line("delete " + d.global());
        } else if (s instanceof Stmt.DeleteLocal d) {
            line("delete " + d.var().name());
        } else if (s instanceof Stmt.TryCatch t) {
            line("try");
            nested(t.body());
            line(t.messageVar() == null ? "catch" : "catch (" + t.messageVar().name() + ")");
            nested(t.handler());
        } else {
            throw new IllegalStateException("unknown statement " + s);
        }
    }

    private void nested(Stmt s) {
        if (s instanceof Stmt.Block) {
            stmt(s);
        } else {
            indent++;
            stmt(s);
            indent--;
        }
    }

    private String opt(Expr x) {
        return x == null ? "" : e(x);
    }

    private String foreachHead(Stmt.Foreach f) {
        StringBuilder b = new StringBuilder("foreach (");
        SortSpec sort = f.sort();
        if (f.valueVar() != null) {
            b.append(f.valueVar().name());
            if (sort != null && sort.column() == 0) {
                b.append(sort.ascending() ? '+' : '-');
            }
            b.append(" = ");
        }
        b.append('[');
        for (int i = 0; i < f.keyVars().size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(f.keyVars().get(i).name());
            if (sort != null && sort.column() == i + 1) {
                b.append(sort.ascending() ? '+' : '-');
            }
        }
        b.append("] in ").append(f.global());
        if (!f.slice().isEmpty()) {
            b.append(exprs.keys(f.slice()));
        }
        if (sort != null && sort.column() == 0 && f.valueVar() == null) {
            if (sort.aggregate() != null) {
                b.append(' ').append(sort.aggregate().text);
            }
            b.append(sort.ascending() ? '+' : '-');
        }
        if (f.limit() != null) {
            b.append(" limit ").append(e(f.limit()));
        }
        return b.append(')').toString();
    }
}
