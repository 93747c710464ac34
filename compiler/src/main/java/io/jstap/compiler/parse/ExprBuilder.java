package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops.AssignOp;
import io.jstap.compiler.ast.Ops.BinOp;
import io.jstap.compiler.ast.Ops.StatsFn;
import io.jstap.compiler.ast.Ops.UnOp;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.parse.StapParser.*;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Expressions from the parse tree. Each precedence rule with no operator passes its operand through, so
 * the AST has one node per operator actually written; parentheses leave no node.
 */
final class ExprBuilder {
    /** Deeper expression trees are refused: every later pass walks them recursively. */
    static final int MAX_DEPTH = 500;

    private final BuildContext b;
    private final ValueBuilder values;
    /** Depth of each composite node built for the current declaration (leaves are 1). */
    private final Map<Expr, Integer> depths = new IdentityHashMap<>();

    ExprBuilder(BuildContext b) {
        this.b = b;
        this.values = new ValueBuilder(b, this);
    }

    /** Forgets the depth bookkeeping of the previous declaration. */
    void reset() {
        depths.clear();
    }

    Expr expr(ExprContext ctx) {
        Expr target = ternary(ctx.ternary());
        if (ctx.assignOp() == null) {
            return target;
        }
        Expr value = expr(ctx.expr());
        return track(new Expr.Assign(b.span(ctx), assignOp(ctx.assignOp()), target, value), target, value);
    }

    private Expr ternary(TernaryContext ctx) {
        Expr cond = chain(ctx.logicalOr());
        if (ctx.QUESTION() == null) {
            return cond;
        }
        Expr then = expr(ctx.expr());
        Expr otherwise = ternary(ctx.ternary());
        return track(new Expr.Ternary(b.span(ctx), cond, then, otherwise), cond, then, otherwise);
    }

    /** A left-associative level: operand (op operand)*. */
    private Expr chain(ParserRuleContext ctx) {
        List<ParseTree> kids = ctx.children;
        Expr left = operand(kids.get(0));
        for (int i = 1; i + 1 < kids.size(); i += 2) {
            BinOp op = binOp(kids.get(i));
            Expr right = operand(kids.get(i + 1));
            left = track(new Expr.Binary(left.span().to(right.span()), op, left, right), left, right);
        }
        return left;
    }

    private Expr operand(ParseTree t) {
        if (t instanceof LogicalAndContext || t instanceof BitOrContext || t instanceof BitXorContext
                || t instanceof BitAndContext || t instanceof ShiftContext || t instanceof ConcatContext
                || t instanceof AdditiveContext || t instanceof MultiplicativeContext) {
            return chain((ParserRuleContext) t);
        }
        if (t instanceof BracketInContext c) {
            return bracketIn(c);
        }
        if (t instanceof PlainInContext c) {
            return plainIn(c);
        }
        if (t instanceof ComparisonContext c) {
            return comparison(c);
        }
        if (t instanceof UnaryContext c) {
            return unary(c);
        }
        throw new IllegalStateException("unexpected operand " + t.getClass().getSimpleName());
    }

    private Expr bracketIn(BracketInContext ctx) {
        List<Expr> keys = new ArrayList<>();
        for (InKeyContext k : ctx.inKey()) {
            keys.add(k.STAR() != null ? new Expr.Wildcard(b.span(k.STAR())) : comparison(k.comparison()));
        }
        Expr.Ident array = new Expr.Ident(b.span(ctx.IDENT()), ctx.IDENT().getText());
        return track(new Expr.In(b.span(ctx), keys, array), keys.toArray(new Expr[0]));
    }

    private Expr plainIn(PlainInContext ctx) {
        Expr key = comparison(ctx.comparison());
        if (ctx.IN() == null) {
            return key;
        }
        Expr.Ident array = new Expr.Ident(b.span(ctx.IDENT()), ctx.IDENT().getText());
        return track(new Expr.In(b.span(ctx), List.of(key), array), key);
    }

    private Expr comparison(ComparisonContext ctx) {
        if (ctx.stringLit() != null) {
            Expr left = chain(ctx.shift(0));
            BinOp op = ctx.MATCH() != null ? BinOp.MATCH : BinOp.NOMATCH;
            Expr right = values.string(ctx.stringLit());
            return track(new Expr.Binary(b.span(ctx), op, left, right), left);
        }
        return chain(ctx);
    }

    private Expr unary(UnaryContext ctx) {
        if (ctx instanceof PrefixOpContext p) {
            UnOp op = p.PLUS() != null ? UnOp.PLUS : p.MINUS() != null ? UnOp.NEG : p.BANG() != null ? UnOp.NOT
                    : UnOp.BITNOT;
            Expr operand = unary(p.unary());
            return track(new Expr.Unary(b.span(ctx), op, operand), operand);
        }
        CrementContext c = ((NoPrefixOpContext) ctx).crement();
        if (c instanceof PreCrementContext pre) {
            Expr target = values.dwarfValue(pre.dwarfValue());
            return track(new Expr.IncDec(b.span(c), target, pre.INC() != null, true), target);
        }
        PostCrementContext post = (PostCrementContext) c;
        Expr value = values.dwarfValue(post.dwarfValue());
        if (post.INC() == null && post.DEC() == null) {
            return value;
        }
        return track(new Expr.IncDec(b.span(c), value, post.INC() != null, false), value);
    }

    /** Records the depth of a new composite node; abandons the declaration when it is too deep. */
    <T extends Expr> T track(T node, Expr... children) {
        int d = 0;
        for (Expr c : children) {
            if (c != null) {
                d = Math.max(d, depths.getOrDefault(c, 1));
            }
        }
        if (d + 1 > MAX_DEPTH) {
            b.error(ParseCodes.NESTING, "too deeply nested", node.span(),
                    "an expression may nest at most " + MAX_DEPTH + " operators deep");
            throw new BuildContext.Abandon();
        }
        if (d > 0) {
            depths.put(node, d + 1);
        }
        return node;
    }

    /** Like {@link #track} for a list of children. */
    <T extends Expr> T track(T node, List<? extends Expr> children) {
        return track(node, children.toArray(new Expr[0]));
    }

    private static BinOp binOp(ParseTree t) {
        int type = t instanceof TerminalNode n ? n.getSymbol().getType()
                : ((TerminalNode) t.getChild(0)).getSymbol().getType();
        switch (type) {
            case StapLexer.OROR: return BinOp.OR;
            case StapLexer.ANDAND: return BinOp.AND;
            case StapLexer.PIPE: return BinOp.BITOR;
            case StapLexer.CARET: return BinOp.BITXOR;
            case StapLexer.AMP: return BinOp.BITAND;
            case StapLexer.LT: return BinOp.LT;
            case StapLexer.GT: return BinOp.GT;
            case StapLexer.LE: return BinOp.LE;
            case StapLexer.GE: return BinOp.GE;
            case StapLexer.EQ: return BinOp.EQ;
            case StapLexer.NE: return BinOp.NE;
            case StapLexer.SHL: return BinOp.SHL;
            case StapLexer.SHR: return BinOp.SHR;
            case StapLexer.DOT: return BinOp.CONCAT;
            case StapLexer.PLUS: return BinOp.ADD;
            case StapLexer.MINUS: return BinOp.SUB;
            case StapLexer.STAR: return BinOp.MUL;
            case StapLexer.SLASH: return BinOp.DIV;
            case StapLexer.PERCENT: return BinOp.MOD;
            default: throw new IllegalStateException("not a binary operator: " + type);
        }
    }

    private static AssignOp assignOp(AssignOpContext ctx) {
        switch (((TerminalNode) ctx.getChild(0)).getSymbol().getType()) {
            case StapLexer.ASSIGN: return AssignOp.ASSIGN;
            case StapLexer.AGG: return AssignOp.STATS_ADD;
            case StapLexer.ADD_ASSIGN: return AssignOp.ADD;
            case StapLexer.SUB_ASSIGN: return AssignOp.SUB;
            case StapLexer.MUL_ASSIGN: return AssignOp.MUL;
            case StapLexer.DIV_ASSIGN: return AssignOp.DIV;
            case StapLexer.MOD_ASSIGN: return AssignOp.MOD;
            case StapLexer.SHL_ASSIGN: return AssignOp.SHL;
            case StapLexer.SHR_ASSIGN: return AssignOp.SHR;
            case StapLexer.AND_ASSIGN: return AssignOp.AND;
            case StapLexer.XOR_ASSIGN: return AssignOp.XOR;
            case StapLexer.OR_ASSIGN: return AssignOp.OR;
            default: return AssignOp.CONCAT;
        }
    }

    static StatsFn statsFn(StatsFnContext ctx) {
        switch (((TerminalNode) ctx.getChild(0)).getSymbol().getType()) {
            case StapLexer.AT_COUNT: return StatsFn.COUNT;
            case StapLexer.AT_SUM: return StatsFn.SUM;
            case StapLexer.AT_MIN: return StatsFn.MIN;
            case StapLexer.AT_MAX: return StatsFn.MAX;
            case StapLexer.AT_AVG: return StatsFn.AVG;
            default: return StatsFn.VARIANCE;
        }
    }

    /** Index items: {@code *} is a wildcard (slices), anything else an expression. */
    List<Expr> indexItems(List<IndexItemContext> items) {
        List<Expr> out = new ArrayList<>(items.size());
        for (IndexItemContext item : items) {
            out.add(item.STAR() != null ? new Expr.Wildcard(b.span(item.STAR())) : expr(item.expr()));
        }
        return out;
    }

    Span span(ParserRuleContext ctx) {
        return b.span(ctx);
    }
}
