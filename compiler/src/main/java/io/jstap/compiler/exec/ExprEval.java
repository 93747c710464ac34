package io.jstap.compiler.exec;

import io.jstap.compiler.format.PrintfFormat;
import io.jstap.compiler.format.StapError;
import io.jstap.compiler.format.Utf8;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.ExprVisitor;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops.BinOp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates expressions to Long, String, null (void) or {@link HistValue}. Assignments and
 * statistics live in {@link Assigner} and {@link StatsReader}; builtins in {@link Builtins}.
 */
final class ExprEval implements ExprVisitor<Object> {

    private final Execution x;
    private final Assigner assigner;
    private final StatsReader stats;

    ExprEval(Execution x) {
        this.x = x;
        this.assigner = new Assigner(x, this);
        this.stats = new StatsReader(x, this);
    }

    Object eval(Expr e) {
        return e.accept(this);
    }

    long evalLong(Expr e) {
        return (Long) e.accept(this);
    }

    String evalString(Expr e) {
        return (String) e.accept(this);
    }

    /** Evaluates map keys left to right; an {@link Expr.AnyKey} becomes null (a wildcard). */
    List<Object> keys(List<Expr> keys) {
        Object[] out = new Object[keys.size()];
        boolean wildcard = false;
        for (int i = 0; i < out.length; i++) {
            Expr k = keys.get(i);
            if (k instanceof Expr.AnyKey) {
                wildcard = true;
            } else {
                out[i] = eval(k);
            }
        }
        return wildcard ? Arrays.asList(out) : List.of(out);
    }

    static boolean matches(List<Object> pattern, List<Object> key) {
        for (int i = 0; i < pattern.size(); i++) {
            Object p = pattern.get(i);
            if (p != null && !p.equals(key.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean hasWildcard(List<Object> pattern) {
        // List.of rejects contains(null); a wildcard pattern is an Arrays.asList
        for (Object o : pattern) {
            if (o == null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Object visitLongLit(Expr.LongLit e) {
        return e.value();
    }

    @Override
    public Object visitStrLit(Expr.StrLit e) {
        return x.str(e.value());
    }

    @Override
    public Object visitLocal(Expr.Local e) {
        return x.frame.slots[e.var().slot()];
    }

    @Override
    public Object visitGlobalVar(Expr.GlobalVar e) {
        requireScalarValue(e.type(), e.name());
        Object v = x.interp.store().get(e.name(), List.of());
        return v == null ? Frame.zero(e.type()) : v;
    }

    @Override
    public Object visitGlobalElem(Expr.GlobalElem e) {
        requireScalarValue(e.type(), e.name());
        Object v = x.interp.store().get(e.name(), keys(e.keys()));
        return v == null ? Frame.zero(e.type()) : v;
    }

    private static void requireScalarValue(IrType t, String name) {
        if (!t.scalar()) {
            throw new IllegalStateException("statistics " + name + " read as a value");
        }
    }

    @Override
    public Object visitAnyKey(Expr.AnyKey e) {
        throw new IllegalStateException("'*' outside an array slice at " + e.loc());
    }

    @Override
    public Object visitInArray(Expr.InArray e) {
        List<Object> key = keys(e.keys());
        MapStore store = x.interp.store();
        if (!hasWildcard(key)) {
            return store.contains(e.global(), key) ? 1L : 0L;
        }
        for (MapStore.Entry en : store.entries(e.global())) {
            if (matches(key, en.key())) {
                return 1L;
            }
        }
        return 0L;
    }

    @Override
    public Object visitBinary(Expr.Binary e) {
        long a = evalLong(e.left());
        long b = evalLong(e.right());
        if ((e.op() == BinOp.DIV || e.op() == BinOp.MOD) && b == 0) {
            throw x.error(Arith.DIVISION_BY_ZERO, e);
        }
        return Arith.apply(e.op(), a, b);
    }

    @Override
    public Object visitCompare(Expr.Compare e) {
        int c;
        if (e.left().type() == IrType.STRING) {
            c = Utf8.compare(evalString(e.left()), evalString(e.right()));
        } else {
            c = Long.compare(evalLong(e.left()), evalLong(e.right()));
        }
        boolean r;
        switch (e.op()) {
            case LT: r = c < 0; break;
            case LE: r = c <= 0; break;
            case GT: r = c > 0; break;
            case GE: r = c >= 0; break;
            case EQ: r = c == 0; break;
            default: r = c != 0; break;
        }
        return r ? 1L : 0L;
    }

    @Override
    public Object visitUnary(Expr.Unary e) {
        long v = evalLong(e.operand());
        switch (e.op()) {
            case NEG: return -v;
            case BITNOT: return ~v;
            default: return v == 0 ? 1L : 0L;
        }
    }

    @Override
    public Object visitConcat(Expr.Concat e) {
        String a = evalString(e.left());
        String b = evalString(e.right());
        return x.str(a + b);
    }

    @Override
    public Object visitLogical(Expr.Logical e) {
        boolean left = evalLong(e.left()) != 0;
        if (e.and() ? !left : left) {
            return left ? 1L : 0L;
        }
        return evalLong(e.right()) != 0 ? 1L : 0L;
    }

    @Override
    public Object visitTernary(Expr.Ternary e) {
        return evalLong(e.cond()) != 0 ? eval(e.ifTrue()) : eval(e.ifFalse());
    }

    @Override
    public Object visitIncDec(Expr.IncDec e) {
        return assigner.incDec(e);
    }

    @Override
    public Object visitAssign(Expr.Assign e) {
        return assigner.assign(e);
    }

    @Override
    public Object visitStatsAdd(Expr.StatsAdd e) {
        return assigner.statsAdd(e);
    }

    @Override
    public Object visitCall(Expr.Call e) {
        Object[] args = new Object[e.args().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = eval(e.args().get(i));
        }
        for (String target : e.targets()) {
            FunctionDecl f = x.interp.function(target);
            if (x.depth >= x.interp.maxNesting()) {
                throw x.error("MAXNESTING exceeded", e);
            }
            x.checkInterrupt();
            Frame callee = new Frame(f.params(), f.locals());
            System.arraycopy(args, 0, callee.slots, 0, args.length);
            Frame caller = x.frame;
            x.frame = callee;
            x.depth++;
            Flow flow;
            try {
                flow = x.exec.run(f.body());
            } finally {
                x.depth--;
                x.frame = caller;
            }
            if (flow != Flow.NEXT) {
                if (f.returnType() == IrType.VOID) {
                    return null;
                }
                return callee.returnValue != null ? callee.returnValue : Frame.zero(f.returnType());
            }
        }
        throw x.error("all functions exhausted", e);
    }

    @Override
    public Object visitBuiltinCall(Expr.BuiltinCall e) {
        Builtin fn = x.interp.builtins().lookup(e.name());
        if (fn == null) {
            throw x.error("function '" + e.name() + "' is not available in a userspace probe", e);
        }
        List<Object> args = new ArrayList<>(e.args().size());
        for (Expr a : e.args()) {
            args.add(eval(a));
        }
        try {
            Object v = fn.apply(x, e, args);
            return v instanceof String s ? x.str(s) : v;
        } catch (StapError err) {
            throw x.error(err.getMessage(), e);
        }
    }

    @Override
    public Object visitFormat(Expr.Format e) {
        PrintfFormat fmt = x.interp.format(e.format());
        List<Object> args = new ArrayList<>(e.args().size());
        for (Expr a : e.args()) {
            args.add(eval(a));
        }
        try {
            if (e.kind() == Expr.Format.FormatKind.SPRINTF) {
                return fmt.sprintf(args, x.interp.limits().maxStringLen());
            }
            x.interp.sink().print(fmt.format(args));
            return null;
        } catch (StapError err) {
            throw x.error(err.getMessage(), e);
        }
    }

    @Override
    public Object visitStatsOp(Expr.StatsOp e) {
        return stats.aggregate(e);
    }

    @Override
    public Object visitHist(Expr.Hist e) {
        return stats.histogram(e);
    }

    @Override
    public Object visitHistBucket(Expr.HistBucket e) {
        return stats.bucket(e);
    }

    @Override
    public Object visitTracepointField(Expr.TracepointField e) {
        throw contextOnly(e);
    }

    @Override
    public Object visitRawArg(Expr.RawArg e) {
        throw contextOnly(e);
    }

    @Override
    public Object visitRegister(Expr.Register e) {
        throw contextOnly(e);
    }

    private ProbeError contextOnly(Expr e) {
        return x.error("kernel context is not available in a userspace probe", e);
    }
}
