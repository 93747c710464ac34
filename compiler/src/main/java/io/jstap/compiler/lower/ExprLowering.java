package io.jstap.compiler.lower;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.ExprVisitor;
import io.jstap.compiler.ast.Ops;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Expr.LValue;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Ops.StatsAgg;
import io.jstap.compiler.ir.Ops.UnOp;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.probe.TracepointFormat;
import io.jstap.compiler.sema.BuiltinFunction;
import io.jstap.compiler.sema.Callee;
import io.jstap.compiler.sema.ContextVar;
import io.jstap.compiler.sema.FunctionSymbol;
import io.jstap.compiler.sema.GlobalSymbol;
import io.jstap.compiler.sema.LocalSymbol;
import io.jstap.compiler.sema.ProbeTarget;
import io.jstap.compiler.sema.Program;
import io.jstap.compiler.sema.Symbol;
import java.util.ArrayList;
import java.util.List;

/** AST expressions of one elaborated body to typed IR expressions. */
final class ExprLowering implements ExprVisitor<io.jstap.compiler.ir.Expr> {
    private final Program program;
    private final Frame frame;
    /** The target the body runs for, when it has exactly one (for {@code $return}); may be null. */
    private final ProbeTarget target;
    private final Histograms histograms;

    ExprLowering(Program program, Frame frame, ProbeTarget target, Histograms histograms) {
        this.program = program;
        this.frame = frame;
        this.target = target;
        this.histograms = histograms;
    }

    io.jstap.compiler.ir.Expr lower(Expr e) {
        return e == null ? null : e.accept(this);
    }

    List<io.jstap.compiler.ir.Expr> lowerAll(List<Expr> es) {
        List<io.jstap.compiler.ir.Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) {
            out.add(lower(e));
        }
        return out;
    }

    private IrType typeOf(Expr e) {
        return Types.of(program.typeOf(e), e.span(), "expression");
    }

    /** The target of an assignment, increment, delete or {@code <<<}. */
    LValue lvalue(Expr e) {
        io.jstap.compiler.ir.Expr x = lower(e);
        if (x instanceof LValue lv) {
            return lv;
        }
        throw new LoweringException("cannot assign to this expression", e.span());
    }

    @Override
    public io.jstap.compiler.ir.Expr visitLong(Expr.LongLit e) {
        return new io.jstap.compiler.ir.Expr.LongLit(e.value(), Locs.of(e));
    }

    @Override
    public io.jstap.compiler.ir.Expr visitString(Expr.StringLit e) {
        return new io.jstap.compiler.ir.Expr.StrLit(e.value(), Locs.of(e));
    }

    @Override
    public io.jstap.compiler.ir.Expr visitIdent(Expr.Ident e) {
        Symbol s = program.symbolOf(e);
        if (s instanceof LocalSymbol) {
            return new io.jstap.compiler.ir.Expr.Local(frame.get(e.name(), e.span()), Locs.of(e));
        }
        if (s instanceof GlobalSymbol g) {
            if (g.isArray()) {
                throw new LoweringException("array '" + g.name() + "' used without an index", e.span());
            }
            return new io.jstap.compiler.ir.Expr.GlobalVar(g.name(), Types.of(g.type(), e.span(), g.name()),
                    Locs.of(e));
        }
        throw new LoweringException("unresolved identifier '" + e.name() + "'", e.span());
    }

    @Override
    public io.jstap.compiler.ir.Expr visitScriptArg(Expr.ScriptArg e) {
        throw new LoweringException("script argument was not substituted", e.span());
    }

    @Override
    public io.jstap.compiler.ir.Expr visitTargetVar(Expr.TargetVar e) {
        ContextVar cv = program.contextVar(e);
        if (cv == null) {
            throw new LoweringException("unresolved context variable '" + e.name() + "'", e.span());
        }
        if (!e.path().isEmpty()) {
            throw new LoweringException("member access on context variables needs kernel type information, "
                    + "which jstap does not resolve yet", e.span());
        }
        SrcLoc loc = Locs.of(e);
        switch (cv.access()) {
            case FIELD:
                return field(cv.fields().get(0), false, false, loc);
            case CHAR_ARRAY:
                return field(cv.fields().get(0), true, false, loc);
            case DATA_LOC_STRING:
                return field(cv.fields().get(0), true, true, loc);
            case RETURN_VALUE:
                return returnValue(e, loc);
            case ALL_FIELDS:
                return allFields(cv.fields(), loc);
            case USDT_ARG:
                return MarkArgs.arg(cv.usdtArgs().get(0), loc);
            case USDT_ALL:
                return MarkArgs.all(cv.usdtArgs(), loc);
            case MARK_NAME: case MARK_PROVIDER:
                if (!(target instanceof ProbeTarget.Usdt m)) {
                    throw new LoweringException("'" + e.name() + "' is only defined in a mark probe", e.span());
                }
                return new io.jstap.compiler.ir.Expr.StrLit(cv.access() == ContextVar.Access.MARK_NAME ? m.name()
                        : m.provider(), loc);
            default:
                throw new LoweringException("context variable '" + e.name() + "' can only be read element by "
                        + "element", e.span());
        }
    }

    private static io.jstap.compiler.ir.Expr field(TracepointFormat.Field f, boolean string, boolean dataLoc,
                                                   SrcLoc loc) {
        return new io.jstap.compiler.ir.Expr.TracepointField(f.name(), f.offset(), f.size(), f.signed(), string,
                dataLoc, loc);
    }

    private io.jstap.compiler.ir.Expr returnValue(Expr.TargetVar e, SrcLoc loc) {
        if (target instanceof ProbeTarget.Tracepoint tp && tp.format() != null) {
            TracepointFormat.Field ret = tp.format().field("ret").orElse(null);
            if (ret != null) {
                return field(ret, false, false, loc);
            }
        }
        if (target instanceof ProbeTarget.Uprobe || target instanceof ProbeTarget.Kprobe) {
            return new io.jstap.compiler.ir.Expr.Register("ax", loc);
        }
        throw new LoweringException("$return is not available at this probe point", e.span());
    }

    /** {@code $$vars}: "name=0x.. name2=.." with strings quoted, as stap prints it. */
    private io.jstap.compiler.ir.Expr allFields(List<TracepointFormat.Field> fields, SrcLoc loc) {
        StringBuilder fmt = new StringBuilder();
        List<io.jstap.compiler.ir.Expr> args = new ArrayList<>();
        for (TracepointFormat.Field f : fields) {
            boolean string = f.dataLoc() || f.cType().startsWith("char") && f.name().length() > 0 && f.size() > 8;
            fmt.append(fmt.length() == 0 ? "" : " ").append(f.name()).append(string ? "=\"%s\"" : "=0x%x");
            args.add(field(f, string, f.dataLoc(), loc));
        }
        return new io.jstap.compiler.ir.Expr.Format(io.jstap.compiler.ir.Expr.Format.FormatKind.SPRINTF,
                fmt.toString(), args, loc);
    }

    @Override
    public io.jstap.compiler.ir.Expr visitCast(Expr.Cast e) {
        throw new LoweringException("@cast needs kernel type information, which jstap does not resolve yet",
                e.span());
    }

    @Override
    public io.jstap.compiler.ir.Expr visitAtVar(Expr.AtVar e) {
        throw new LoweringException("@var needs debug information, which jstap does not read yet", e.span());
    }

    @Override
    public io.jstap.compiler.ir.Expr visitIndex(Expr.Index e) {
        if (e.base() instanceof Expr.Hist h) {
            if (e.indices().size() != 1) {
                throw new LoweringException("a histogram takes one bucket index", e.span());
            }
            return new io.jstap.compiler.ir.Expr.HistBucket((io.jstap.compiler.ir.Expr.Hist) visitHist(h),
                    lower(e.indices().get(0)), Locs.of(e));
        }
        if (!(e.base() instanceof Expr.Ident id) || !(program.symbolOf(id) instanceof GlobalSymbol g)) {
            throw new LoweringException("only global arrays can be indexed", e.span());
        }
        return new io.jstap.compiler.ir.Expr.GlobalElem(g.name(), lowerAll(e.indices()),
                Types.of(g.type(), e.span(), g.name()), Locs.of(id));
    }

    @Override
    public io.jstap.compiler.ir.Expr visitWildcard(Expr.Wildcard e) {
        return new io.jstap.compiler.ir.Expr.AnyKey(Locs.of(e));
    }

    @Override
    public io.jstap.compiler.ir.Expr visitBinary(Expr.Binary e) {
        io.jstap.compiler.ir.Expr l = lower(e.left());
        io.jstap.compiler.ir.Expr r = lower(e.right());
        SrcLoc loc = Locs.operator(e.span(), e.left().span(), e.right().span(), e.op().symbol);
        switch (e.op()) {
            case AND: return new io.jstap.compiler.ir.Expr.Logical(true, l, r, loc);
            case OR: return new io.jstap.compiler.ir.Expr.Logical(false, l, r, loc);
            case CONCAT: return new io.jstap.compiler.ir.Expr.Concat(l, r, loc);
            case LT: return new io.jstap.compiler.ir.Expr.Compare(CmpOp.LT, l, r, loc);
            case LE: return new io.jstap.compiler.ir.Expr.Compare(CmpOp.LE, l, r, loc);
            case GT: return new io.jstap.compiler.ir.Expr.Compare(CmpOp.GT, l, r, loc);
            case GE: return new io.jstap.compiler.ir.Expr.Compare(CmpOp.GE, l, r, loc);
            case EQ: return new io.jstap.compiler.ir.Expr.Compare(CmpOp.EQ, l, r, loc);
            case NE: return new io.jstap.compiler.ir.Expr.Compare(CmpOp.NE, l, r, loc);
            case MATCH:
            case NOMATCH:
                throw new LoweringException("regular expression matching (=~, !~) is not supported yet", e.span());
            default:
                return new io.jstap.compiler.ir.Expr.Binary(binOp(e.op()), l, r, loc);
        }
    }

    private static BinOp binOp(Ops.BinOp op) {
        switch (op) {
            case MUL: return BinOp.MUL;
            case DIV: return BinOp.DIV;
            case MOD: return BinOp.MOD;
            case ADD: return BinOp.ADD;
            case SUB: return BinOp.SUB;
            case SHL: return BinOp.SHL;
            case SHR: return BinOp.SHR;
            case BITAND: return BinOp.AND;
            case BITXOR: return BinOp.XOR;
            case BITOR: return BinOp.OR;
            default: throw new IllegalArgumentException(op.name());
        }
    }

    @Override
    public io.jstap.compiler.ir.Expr visitUnary(Expr.Unary e) {
        io.jstap.compiler.ir.Expr x = lower(e.operand());
        SrcLoc loc = Locs.of(e);
        switch (e.op()) {
            case NEG: return new io.jstap.compiler.ir.Expr.Unary(UnOp.NEG, x, loc);
            case NOT: return new io.jstap.compiler.ir.Expr.Unary(UnOp.NOT, x, loc);
            case BITNOT: return new io.jstap.compiler.ir.Expr.Unary(UnOp.BITNOT, x, loc);
            case PLUS: return x;
            default:
                throw new LoweringException("taking the address of a context variable is not supported",
                        e.span());
        }
    }

    @Override
    public io.jstap.compiler.ir.Expr visitIncDec(Expr.IncDec e) {
        return new io.jstap.compiler.ir.Expr.IncDec(lvalue(e.target()), e.increment(), e.prefix(), Locs.of(e));
    }

    @Override
    public io.jstap.compiler.ir.Expr visitAssign(Expr.Assign e) {
        LValue target = lvalue(e.target());
        io.jstap.compiler.ir.Expr value = lower(e.value());
        SrcLoc loc = Locs.operator(e.span(), e.target().span(), e.value().span(), e.op().symbol);
        if (e.op() == Ops.AssignOp.STATS_ADD) {
            return new io.jstap.compiler.ir.Expr.StatsAdd(target, value, loc);
        }
        return new io.jstap.compiler.ir.Expr.Assign(target, assignOp(e.op()), value, loc);
    }

    private static AssignOp assignOp(Ops.AssignOp op) {
        switch (op) {
            case ASSIGN: return AssignOp.SET;
            case ADD: return AssignOp.ADD;
            case SUB: return AssignOp.SUB;
            case MUL: return AssignOp.MUL;
            case DIV: return AssignOp.DIV;
            case MOD: return AssignOp.MOD;
            case SHL: return AssignOp.SHL;
            case SHR: return AssignOp.SHR;
            case AND: return AssignOp.AND;
            case XOR: return AssignOp.XOR;
            case OR: return AssignOp.OR;
            case CONCAT: return AssignOp.CONCAT;
            default: throw new IllegalArgumentException(op.name());
        }
    }

    @Override
    public io.jstap.compiler.ir.Expr visitTernary(Expr.Ternary e) {
        return new io.jstap.compiler.ir.Expr.Ternary(lower(e.cond()), lower(e.then()), lower(e.otherwise()),
                Locs.of(e));
    }

    @Override
    public io.jstap.compiler.ir.Expr visitIn(Expr.In e) {
        return new io.jstap.compiler.ir.Expr.InArray(e.array().name(), lowerAll(e.keys()), Locs.of(e));
    }

    @Override
    public io.jstap.compiler.ir.Expr visitCall(Expr.Call e) {
        Callee c = program.callee(e);
        SrcLoc loc = Locs.of(e);
        if (c instanceof FunctionSymbol f) {
            return new io.jstap.compiler.ir.Expr.Call(f.name(), lowerAll(e.args()),
                    Types.of(f.returnType(), e.span(), f.name()), loc);
        }
        if (c instanceof BuiltinFunction b) {
            if (b.kind() == BuiltinFunction.Kind.FORMAT) {
                if (e.args().isEmpty() || !(e.args().get(0) instanceof Expr.StringLit fmt)) {
                    throw new LoweringException(b.name() + " needs a literal format string", e.span());
                }
                io.jstap.compiler.ir.Expr.Format.FormatKind kind = b.name().equals("printf")
                        ? io.jstap.compiler.ir.Expr.Format.FormatKind.PRINTF
                        : io.jstap.compiler.ir.Expr.Format.FormatKind.SPRINTF;
                return new io.jstap.compiler.ir.Expr.Format(kind, fmt.value(),
                        lowerAll(e.args().subList(1, e.args().size())), loc);
            }
            IrType t = program.typeOf(e).known() ? typeOf(e) : Types.of(b.returnType(), e.span(), b.name());
            return new io.jstap.compiler.ir.Expr.BuiltinCall(b.name(), lowerAll(e.args()), t, loc);
        }
        throw new LoweringException("unresolved function call '" + e.name() + "'", e.span());
    }

    @Override
    public io.jstap.compiler.ir.Expr visitStatsOp(Expr.StatsOp e) {
        return new io.jstap.compiler.ir.Expr.StatsOp(StatsAgg.valueOf(e.fn().name()), lower(e.operand()),
                Locs.of(e));
    }

    @Override
    public io.jstap.compiler.ir.Expr visitHist(Expr.Hist e) {
        HistogramSpec spec = histograms.specOf(e);
        return new io.jstap.compiler.ir.Expr.Hist(spec, lower(e.operand()), Locs.of(e));
    }

    @Override
    public io.jstap.compiler.ir.Expr visitEntry(Expr.Entry e) {
        throw new LoweringException("@entry is not supported yet; save the value in an array keyed by tid() "
                + "in the entry probe", e.span());
    }

    @Override
    public io.jstap.compiler.ir.Expr visitDefined(Expr.Defined e) {
        throw new LoweringException("@defined was not folded", e.span());
    }
}
