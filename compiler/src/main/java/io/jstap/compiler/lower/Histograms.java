package io.jstap.compiler.lower;

import io.jstap.compiler.ast.AstScanner;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.sema.GlobalSymbol;
import io.jstap.compiler.sema.Program;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which histogram each statistics global keeps. The kernel must count buckets as values arrive, so the
 * shape comes from the {@code @hist_log}/{@code @hist_linear} uses anywhere in the script; a global used
 * with two different shapes is an error.
 */
final class Histograms {
    private final Map<String, HistogramSpec> byGlobal = new HashMap<>();
    private final Program program;

    Histograms(Program program, List<Stmt.Block> bodies) {
        this.program = program;
        AstScanner scanner = new AstScanner() {
            @Override
            public Void visitHist(Expr.Hist e) {
                record(e);
                return super.visitHist(e);
            }
        };
        for (Stmt.Block b : bodies) {
            scanner.scan(b);
        }
    }

    private void record(Expr.Hist e) {
        String g = globalOf(e.operand());
        if (g == null) {
            throw new LoweringException("a histogram needs a statistics global", e.span());
        }
        HistogramSpec spec = specFromParams(e);
        HistogramSpec old = byGlobal.putIfAbsent(g, spec);
        if (old != null && !old.equals(spec)) {
            throw new LoweringException("'" + g + "' is used with two different histograms; jstap keeps one "
                    + "histogram per statistics global", e.span());
        }
    }

    private String globalOf(Expr operand) {
        Expr base = operand instanceof Expr.Index ix ? ix.base() : operand;
        if (base instanceof Expr.Ident id && program.symbolOf(id) instanceof GlobalSymbol g) {
            return g.name();
        }
        return null;
    }

    private static HistogramSpec specFromParams(Expr.Hist e) {
        if (e.kind() == Ops.HistKind.LOG) {
            return HistogramSpec.LOG;
        }
        if (e.params().size() != 3) {
            throw new LoweringException("@hist_linear takes a statistic, a low bound, a high bound and a step",
                    e.span());
        }
        long[] p = new long[3];
        for (int i = 0; i < 3; i++) {
            Long v = constant(e.params().get(i));
            if (v == null) {
                throw new LoweringException("@hist_linear bounds must be constants", e.params().get(i).span());
            }
            p[i] = v;
        }
        try {
            return HistogramSpec.linear(p[0], p[1], p[2]);
        } catch (RuntimeException ex) {
            throw new LoweringException(ex.getMessage(), e.span());
        }
    }

    static Long constant(Expr e) {
        if (e instanceof Expr.LongLit l) {
            return l.value();
        }
        if (e instanceof Expr.Unary u && u.op() == Ops.UnOp.NEG) {
            Long v = constant(u.operand());
            return v == null ? null : -v;
        }
        if (e instanceof Expr.Unary u && u.op() == Ops.UnOp.PLUS) {
            return constant(u.operand());
        }
        return null;
    }

    HistogramSpec specOf(Expr.Hist e) {
        String g = globalOf(e.operand());
        HistogramSpec s = g == null ? null : byGlobal.get(g);
        return s == null ? HistogramSpec.NONE : s;
    }

    HistogramSpec forGlobal(String name) {
        return byGlobal.getOrDefault(name, HistogramSpec.NONE);
    }
}
