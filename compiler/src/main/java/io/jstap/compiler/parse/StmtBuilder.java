package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops.Sort;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.parse.StapParser.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements from the parse tree. A statement the parser could not parse (its error is already reported)
 * is left out of its block, or stands as an empty statement where one is required.
 */
final class StmtBuilder {
    private final BuildContext b;
    private final ExprBuilder exprs;
    /** Whether the statements being built are a function's body ('return' is allowed). */
    private boolean inFunction;

    StmtBuilder(BuildContext b, ExprBuilder exprs) {
        this.b = b;
        this.exprs = exprs;
    }

    Stmt.Block body(BlockContext ctx, boolean function) {
        inFunction = function;
        return block(ctx);
    }

    Stmt.Block block(BlockContext ctx) {
        List<Stmt> stmts = new ArrayList<>();
        for (StatementContext s : ctx.statement()) {
            if (!s.broken) {
                stmts.add(statement(s));
            }
        }
        return new Stmt.Block(b.span(ctx), stmts);
    }

    private Stmt statement(StatementContext ctx) {
        Span span = b.span(ctx);
        if (ctx.broken) {
            return new Stmt.Empty(span);
        }
        if (ctx instanceof EmptyStmtContext) {
            return new Stmt.Empty(span);
        }
        if (ctx instanceof BlockStmtContext c) {
            return block(c.block());
        }
        if (ctx instanceof ExprStmtContext c) {
            return new Stmt.ExprStmt(span, exprs.expr(c.expr()));
        }
        if (ctx instanceof IfStmtContext c) {
            Expr cond = exprs.expr(c.expr());
            Stmt then = statement(c.statement(0));
            Stmt otherwise = c.ELSE() == null ? null : statement(c.statement(1));
            return new Stmt.If(span, cond, then, otherwise);
        }
        if (ctx instanceof WhileStmtContext c) {
            return new Stmt.While(span, exprs.expr(c.expr()), statement(c.statement()));
        }
        if (ctx instanceof ForStmtContext c) {
            Expr init = c.init == null ? null : exprs.expr(c.init);
            Expr cond = c.cond == null ? null : exprs.expr(c.cond);
            Expr update = c.update == null ? null : exprs.expr(c.update);
            return new Stmt.For(span, init, cond, update, statement(c.statement()));
        }
        if (ctx instanceof ForeachStmtContext c) {
            return foreach(span, c.foreachHead(), c.statement());
        }
        if (ctx instanceof ReturnStmtContext c) {
            if (!inFunction) {
                b.error(ParseCodes.MISPLACED, "found 'return' not in function context", b.span(c.RETURN()));
            }
            return new Stmt.Return(span, c.expr() == null ? null : exprs.expr(c.expr()));
        }
        if (ctx instanceof DeleteStmtContext c) {
            return new Stmt.Delete(span, exprs.expr(c.expr()));
        }
        if (ctx instanceof BreakStmtContext) {
            return new Stmt.Break(span);
        }
        if (ctx instanceof ContinueStmtContext) {
            return new Stmt.Continue(span);
        }
        if (ctx instanceof NextStmtContext) {
            return new Stmt.Next(span);
        }
        TryStmtContext c = (TryStmtContext) ctx;
        String var = c.IDENT() == null ? null : c.IDENT().getText();
        return new Stmt.Try(span, block(c.block(0)), var, block(c.block(1)));
    }

    private Stmt foreach(Span span, ForeachHeadContext h, StatementContext bodyCtx) {
        int sorts = 0;
        String valueVar = null;
        Sort valueSort = Sort.NONE;
        if (h.value != null) {
            valueVar = h.value.getText();
            if (h.valueSort != null) {
                valueSort = sort(h.valueSort);
                sorts++;
            }
        }
        List<Stmt.ForeachKey> keys = new ArrayList<>();
        boolean bracketed = h.foreachKeys() instanceof BracketKeysContext;
        List<ForeachKeyContext> keyCtxs = bracketed ? ((BracketKeysContext) h.foreachKeys()).foreachKey()
                : List.of(((BareKeyContext) h.foreachKeys()).foreachKey());
        for (ForeachKeyContext k : keyCtxs) {
            Sort s = k.sortMark() == null ? Sort.NONE : sort(k.sortMark());
            if (s != Sort.NONE && ++sorts > 1) {
                b.error(ParseCodes.MISPLACED, "multiple sort directives", b.span(k.sortMark()));
            }
            keys.add(new Stmt.ForeachKey(b.span(k), k.IDENT().getText(), s));
        }
        if (h.sortStat != null) {
            if (h.arraySort == null) {
                b.error(ParseCodes.SYNTAX, "expected sort directive", b.span(h.sortStat));
            } else {
                b.error(ParseCodes.UNSUPPORTED, "sorting by " + h.sortStat.getText() + " is not supported",
                        b.span(h.sortStat));
            }
        }
        if (h.arraySort != null) {
            if (++sorts > 1) {
                b.error(ParseCodes.MISPLACED, "multiple sort directives", b.span(h.arraySort));
            }
            valueSort = sort(h.arraySort);
        }
        Expr.Ident array = new Expr.Ident(b.span(h.array), h.array.getText());
        List<Expr> slice = h.LBRACK() == null ? null : exprs.indexItems(h.indexItem());
        Expr limit = h.LIMIT() == null ? null : exprs.expr(h.expr());
        return new Stmt.Foreach(span, valueVar, keys, bracketed, array, slice, valueSort, limit,
                statement(bodyCtx));
    }

    private static Sort sort(SortMarkContext m) {
        return m.PLUS() != null ? Sort.ASC : Sort.DESC;
    }
}
