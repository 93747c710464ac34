package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops.AssignOp;
import io.jstap.compiler.ast.Ops.BinOp;
import io.jstap.compiler.ast.Ops.StatsFn;
import io.jstap.compiler.ast.Ops.UnOp;
import io.jstap.compiler.parse.StapParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Expressions from the parse tree, one AST node per operator written (parentheses leave none). The
 * grammar's expression rule is left-recursive and slightly more permissive than stap's cascade of
 * functions; each operand is checked here against the level stap's parser would have read it at, so
 * what stap rejects ({@code a in b in c}, {@code a =~ "x" == 1}, {@code 1 + [a] in b}) is rejected too.
 */
final class ExprBuilder {
    /** Deeper expression trees are refused: every later pass walks them recursively. */
    static final int MAX_DEPTH = 500;

    // stap's precedence levels, loosest first (as in AstPrinter).
    private static final int TERNARY = 2;
    private static final int OR = 3;
    private static final int AND = 4;
    private static final int BITOR = 5;
    private static final int BITXOR = 6;
    private static final int BITAND = 7;
    private static final int IN = 8;
    private static final int COMPARE = 9;
    private static final int SHIFT = 10;
    private static final int CONCAT = 11;
    private static final int ADD = 12;
    private static final int MUL = 13;
    private static final int UNARY = 14;
    private static final int VALUE = 16;

    private final BuildContext b;
    private final ValueBuilder values;
    /** How many expression levels the builder is inside. */
    private int depth;

    ExprBuilder(BuildContext b) {
        this.b = b;
        this.values = new ValueBuilder(b, this);
    }

    /** Starts a declaration afresh. */
    void reset() {
        depth = 0;
    }

    /**
     * The AST of an expression. The nesting of the parse tree is counted on the way down: past
     * {@link #MAX_DEPTH} the declaration is abandoned, before the recursion here or in any later pass
     * can get deep. (An operator chain is a left-deep tree, so a long chain counts as deep.)
     */
    Expr expr(ExprContext ctx) {
        if (++depth > MAX_DEPTH) {
            depth = 0;
            b.error(ParseCodes.NESTING, "too deeply nested", b.span(ctx.getStart()),
                    "an expression may nest at most " + MAX_DEPTH + " operators or brackets deep");
            throw new BuildContext.Abandon();
        }
        try {
            return build(ctx);
        } finally {
            depth = Math.max(0, depth - 1);
        }
    }

    private Expr build(ExprContext ctx) {
        if (ctx instanceof ValueExprContext v) {
            return values.dwarfValue(v.dwarfValue());
        }
        if (ctx instanceof AssignExprContext c) {
            Expr target = operand(c.expr(0), TERNARY, c.assignOp().getStart());
            Expr value = expr(c.expr(1));
            return new Expr.Assign(b.span(c), assignOp(c.assignOp()), target, value);
        }
        if (ctx instanceof TernaryExprContext c) {
            Expr cond = operand(c.expr(0), OR, c.QUESTION().getSymbol());
            Expr then = expr(c.expr(1));
            Expr otherwise = operand(c.expr(2), TERNARY, null);
            return new Expr.Ternary(b.span(c), cond, then, otherwise);
        }
        if (ctx instanceof BracketInExprContext c) {
            List<Expr> keys = new ArrayList<>();
            for (InKeyContext k : c.inKey()) {
                keys.add(k.STAR() != null ? new Expr.Wildcard(b.span(k.STAR())) : operand(k.expr(), COMPARE, null));
            }
            return new Expr.In(b.span(c), keys, ident(c.IDENT()));
        }
        if (ctx instanceof InExprContext c) {
            Expr key = operand(c.expr(), COMPARE, c.IN().getSymbol());
            return new Expr.In(b.span(c), List.of(key), ident(c.IDENT()));
        }
        if (ctx instanceof RegexExprContext c) {
            Expr left = operand(c.expr(), SHIFT, c.op);
            Expr right = values.string(c.stringLit());
            BinOp op = c.op.getType() == StapLexer.MATCH ? BinOp.MATCH : BinOp.NOMATCH;
            return new Expr.Binary(b.span(c), op, left, right);
        }
        if (ctx instanceof CompareExprContext c) {
            if (c.expr(0) instanceof RegexExprContext) {
                // stap reads no comparison after a regex match.
                unexpected(c.op);
            }
            return binary(c, c.op, COMPARE);
        }
        if (ctx instanceof UnaryExprContext c) {
            Expr operand = operand(c.expr(), UNARY, null);
            UnOp op = c.op.getType() == StapLexer.PLUS ? UnOp.PLUS : c.op.getType() == StapLexer.MINUS ? UnOp.NEG
                    : c.op.getType() == StapLexer.BANG ? UnOp.NOT : UnOp.BITNOT;
            return new Expr.Unary(b.span(c), op, operand);
        }
        if (ctx instanceof PreIncExprContext c) {
            Expr target = operand(c.expr(), VALUE, null);
            return new Expr.IncDec(b.span(c), target, c.op.getType() == StapLexer.INC, true);
        }
        if (ctx instanceof PostIncExprContext c) {
            Expr target = operand(c.expr(), VALUE, c.op);
            return new Expr.IncDec(b.span(c), target, c.op.getType() == StapLexer.INC, false);
        }
        if (ctx instanceof MulExprContext c) {
            return binary(c, c.op, MUL);
        }
        if (ctx instanceof AddExprContext c) {
            return binary(c, c.op, ADD);
        }
        if (ctx instanceof ConcatExprContext c) {
            return binary(c, c.DOT().getSymbol(), CONCAT);
        }
        if (ctx instanceof ShiftExprContext c) {
            return binary(c, c.op, SHIFT);
        }
        if (ctx instanceof BitAndExprContext c) {
            return binary(c, c.AMP().getSymbol(), BITAND);
        }
        if (ctx instanceof BitXorExprContext c) {
            return binary(c, c.CARET().getSymbol(), BITXOR);
        }
        if (ctx instanceof BitOrExprContext c) {
            return binary(c, c.PIPE().getSymbol(), BITOR);
        }
        if (ctx instanceof AndExprContext c) {
            return binary(c, c.ANDAND().getSymbol(), AND);
        }
        OrExprContext c = (OrExprContext) ctx;
        return binary(c, c.OROR().getSymbol(), OR);
    }

    /** A left-associative binary operator at {@code level}: the right operand binds tighter. */
    private Expr binary(ParserRuleContext ctx, Token op, int level) {
        ExprContext leftCtx = (ExprContext) ctx.getChild(0);
        ExprContext rightCtx = (ExprContext) ctx.getChild(2);
        Expr left = operand(leftCtx, level, op);
        Expr right = operand(rightCtx, level + 1, null);
        return new Expr.Binary(left.span().to(right.span()), binOp(op), left, right);
    }

    /**
     * An operand stap reads at precedence {@code min}. One that binds looser (possible only through the
     * grammar's permissiveness, never through parentheses) is an error: at {@code blame}, the operator
     * that cannot follow it, or else at the operand's first token, which cannot start it.
     */
    private Expr operand(ExprContext ctx, int min, Token blame) {
        if (level(ctx) < min) {
            unexpected(blame != null ? blame : ctx.getStart());
        }
        return expr(ctx);
    }

    private void unexpected(Token t) {
        b.error(ParseCodes.SYNTAX, "unexpected " + Tokens.describe(t), b.span(t));
    }

    /** The precedence level stap gives the expression an alternative builds. */
    private static int level(ExprContext ctx) {
        if (ctx instanceof ValueExprContext) {
            return VALUE;
        }
        if (ctx instanceof PostIncExprContext || ctx instanceof PreIncExprContext) {
            return UNARY + 1;
        }
        if (ctx instanceof UnaryExprContext) {
            return UNARY;
        }
        if (ctx instanceof MulExprContext) {
            return MUL;
        }
        if (ctx instanceof AddExprContext) {
            return ADD;
        }
        if (ctx instanceof ConcatExprContext) {
            return CONCAT;
        }
        if (ctx instanceof ShiftExprContext) {
            return SHIFT;
        }
        if (ctx instanceof RegexExprContext || ctx instanceof CompareExprContext) {
            return COMPARE;
        }
        if (ctx instanceof InExprContext || ctx instanceof BracketInExprContext) {
            return IN;
        }
        if (ctx instanceof BitAndExprContext) {
            return BITAND;
        }
        if (ctx instanceof BitXorExprContext) {
            return BITXOR;
        }
        if (ctx instanceof BitOrExprContext) {
            return BITOR;
        }
        if (ctx instanceof AndExprContext) {
            return AND;
        }
        if (ctx instanceof OrExprContext) {
            return OR;
        }
        return ctx instanceof TernaryExprContext ? TERNARY : TERNARY - 1;
    }

    private Expr.Ident ident(TerminalNode n) {
        return new Expr.Ident(b.span(n), n.getText());
    }

    private static BinOp binOp(Token t) {
        switch (t.getType()) {
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
            default: throw new IllegalStateException("not a binary operator: " + t.getType());
        }
    }

    private static AssignOp assignOp(AssignOpContext ctx) {
        switch (ctx.getStart().getType()) {
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
        switch (ctx.getStart().getType()) {
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
}
