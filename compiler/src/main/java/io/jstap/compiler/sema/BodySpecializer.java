package io.jstap.compiler.sema;

import io.jstap.compiler.ast.AstScanner;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.diag.Span;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Copies a body for one resolved probe (or function) and specialises it: script arguments become literals,
 * {@code @defined(...)} becomes 0 or 1 for the probe's target, and the branches those constants rule out
 * are dropped, so {@code @defined($x) ? $x : 0} type-checks where {@code $x} does not exist. Alias bodies
 * are copied with their spans marked as expanded at the alias reference.
 */
final class BodySpecializer extends AstCopier {
    private final ElabOptions options;
    private final Reporter rep;
    private final ContextVars contextVars;
    private final ProbeTarget target;
    private final Span use;
    /** Literals that came from folding @defined, the only constants that prune code. */
    private final Set<Expr> folded;

    BodySpecializer(ElabOptions options, Reporter rep, ContextVars contextVars, ProbeTarget target) {
        this(options, rep, contextVars, target, null, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private BodySpecializer(ElabOptions options, Reporter rep, ContextVars contextVars, ProbeTarget target,
                            Span use, Set<Expr> folded) {
        this.options = options;
        this.rep = rep;
        this.contextVars = contextVars;
        this.target = target;
        this.use = use;
        this.folded = folded;
    }

    /** The same specialisation for an alias body referenced at {@code use}. */
    BodySpecializer expandedAt(Span useSpan) {
        return new BodySpecializer(options, rep, contextVars, target, useSpan, folded);
    }

    @Override
    protected Span span(Span s) {
        return use == null ? s : Reporter.expandedAt(s, use);
    }

    @Override
    public Expr visitScriptArg(Expr.ScriptArg e) {
        List<String> args = options.scriptArgs();
        Span at = span(e.span());
        if (e.index() == 0) {
            return e.asString() ? new Expr.StringLit(at, Integer.toString(args.size())) : new Expr.LongLit(at, args.size());
        }
        String shown = (e.asString() ? "@" : "$") + e.index();
        if (e.index() > args.size()) {
            rep.error("script-arg", "command line argument out of range [1-" + args.size() + "]", at,
                    "the script uses " + shown + "; pass it after the script name");
            return e.asString() ? new Expr.StringLit(at, "") : new Expr.LongLit(at, 0);
        }
        String value = args.get(e.index() - 1);
        if (e.asString()) {
            return new Expr.StringLit(at, value);
        }
        try {
            return new Expr.LongLit(at, Long.decode(value.trim()));
        } catch (NumberFormatException ex) {
            rep.error("script-arg", "command line argument " + shown + " is not a number: '" + value + "'", at,
                    "use @" + e.index() + " to read it as a string");
            return new Expr.LongLit(at, 0);
        }
    }

    @Override
    public Expr visitDefined(Expr.Defined e) {
        Expr lit = new Expr.LongLit(span(e.span()), defined(e.operand()) ? 1 : 0);
        folded.add(lit);
        return lit;
    }

    @Override
    public Expr visitUnary(Expr.Unary e) {
        Expr operand = copy(e.operand());
        if (e.op() == Ops.UnOp.NOT && folded.contains(operand)) {
            Expr lit = new Expr.LongLit(span(e.span()), ((Expr.LongLit) operand).value() == 0 ? 1 : 0);
            folded.add(lit);
            return lit;
        }
        return new Expr.Unary(span(e.span()), e.op(), operand);
    }

    @Override
    public Expr visitBinary(Expr.Binary e) {
        Expr left = copy(e.left());
        if (folded.contains(left) && (e.op() == Ops.BinOp.AND || e.op() == Ops.BinOp.OR)) {
            long v = ((Expr.LongLit) left).value();
            if (e.op() == Ops.BinOp.AND && v == 0 || e.op() == Ops.BinOp.OR && v != 0) {
                Expr lit = new Expr.LongLit(span(e.span()), e.op() == Ops.BinOp.OR ? 1 : 0);
                folded.add(lit);
                return lit;
            }
        }
        return new Expr.Binary(span(e.span()), e.op(), left, copy(e.right()));
    }

    @Override
    public Expr visitTernary(Expr.Ternary e) {
        Expr cond = copy(e.cond());
        if (folded.contains(cond)) {
            return ((Expr.LongLit) cond).value() != 0 ? copy(e.then()) : copy(e.otherwise());
        }
        return new Expr.Ternary(span(e.span()), cond, copy(e.then()), copy(e.otherwise()));
    }

    @Override
    public Stmt visitIf(Stmt.If s) {
        Expr cond = copy(s.cond());
        if (folded.contains(cond)) {
            Stmt live = ((Expr.LongLit) cond).value() != 0 ? s.then() : s.otherwise();
            return live == null ? new Stmt.Empty(span(s.span())) : copy(live);
        }
        return new Stmt.If(span(s.span()), cond, copy(s.then()), copy(s.otherwise()));
    }

    /** True when every context variable in {@code operand} exists for this probe's target. */
    private boolean defined(Expr operand) {
        boolean[] ok = {true};
        new AstScanner() {
            int entry;

            @Override
            public Void visitTargetVar(Expr.TargetVar t) {
                ProbeTarget where = target == null ? null
                        : entry > 0 ? contextVars.entryTarget(target).orElse(null) : target;
                if (where == null || contextVars.resolve(where, t).var() == null) {
                    ok[0] = false;
                }
                return super.visitTargetVar(t);
            }

            @Override
            public Void visitEntry(Expr.Entry e) {
                entry++;
                super.visitEntry(e);
                entry--;
                return null;
            }

            @Override
            public Void visitCast(Expr.Cast c) {
                ok[0] = false;
                return null;
            }

            @Override
            public Void visitAtVar(Expr.AtVar a) {
                ok[0] = false;
                return null;
            }
        }.scan(operand);
        return ok[0];
    }
}
