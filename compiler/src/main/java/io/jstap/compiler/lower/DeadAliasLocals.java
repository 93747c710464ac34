package io.jstap.compiler.lower;

import io.jstap.compiler.ast.AstScanner;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.sema.LocalSymbol;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Alias prologues set variables for the user's body ({@code name}, {@code argstr}, {@code filename}, ...).
 * Those the body never reads are dropped with their assignments, as stap does: it keeps per-event work
 * down and lets the bodies of a wildcard expansion become identical, so they share one program.
 */
final class DeadAliasLocals {
    private DeadAliasLocals() {
    }

    static Set<String> find(Stmt.Block body, Expr condition, List<LocalSymbol> aliasLocals) {
        // Iterate: dropping a dead assignment can make the locals its value read dead too
        // (argstr = sprintf("%d", fd) keeps fd alive only while argstr is).
        Set<String> dead = new LinkedHashSet<>();
        while (true) {
            Set<String> read = reads(body, condition, dead);
            Set<String> next = new LinkedHashSet<>();
            for (LocalSymbol l : aliasLocals) {
                if (!read.contains(l.name())) {
                    next.add(l.name());
                }
            }
            if (next.equals(dead)) {
                return dead;
            }
            dead = next;
        }
    }

    /** Names read anywhere except in plain assignments to {@code dead} locals. */
    private static Set<String> reads(Stmt.Block body, Expr condition, Set<String> dead) {
        Set<String> read = new HashSet<>();
        AstScanner scanner = new AstScanner() {
            @Override
            public Void visitExprStmt(Stmt.ExprStmt s) {
                if (s.expr() instanceof Expr.Assign a && a.op() == Ops.AssignOp.ASSIGN
                        && a.target() instanceof Expr.Ident id && dead.contains(id.name())) {
                    return null;
                }
                return super.visitExprStmt(s);
            }

            @Override
            public Void visitAssign(Expr.Assign e) {
                if (e.op() == Ops.AssignOp.ASSIGN && e.target() instanceof Expr.Ident) {
                    scan(e.value());
                    return null;
                }
                return super.visitAssign(e);
            }

            @Override
            public Void visitIdent(Expr.Ident e) {
                read.add(e.name());
                return null;
            }

            @Override
            public Void visitForeach(Stmt.Foreach s) {
                if (s.valueVar() != null) {
                    read.add(s.valueVar());
                }
                for (Stmt.ForeachKey k : s.keys()) {
                    read.add(k.name());
                }
                return super.visitForeach(s);
            }

            @Override
            public Void visitTry(Stmt.Try s) {
                if (s.catchVar() != null) {
                    read.add(s.catchVar());
                }
                return super.visitTry(s);
            }
        };
        scanner.scan(body);
        scanner.scan(condition);
        return read;
    }
}
