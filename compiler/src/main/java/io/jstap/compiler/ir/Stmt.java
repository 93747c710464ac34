package io.jstap.compiler.ir;

import java.util.List;
import java.util.Objects;

/** Typed IR statements. Nullable components are marked; everything else is required. */
public sealed interface Stmt {

    SrcLoc loc();

    <R> R accept(StmtVisitor<R> v);

    /** {@code { ... }}; loc is the {@code '{'}. */
    record Block(List<Stmt> stmts, SrcLoc loc) implements Stmt {
        public Block {
            stmts = List.copyOf(stmts);
            Objects.requireNonNull(loc);
        }

        public <R> R accept(StmtVisitor<R> v) {
            return v.visitBlock(this);
        }
    }

    /** An expression evaluated for its effect; loc is the expression's token. */
    record ExprStmt(Expr expr, SrcLoc loc) implements Stmt {
        public ExprStmt {
            Objects.requireNonNull(expr);
            Objects.requireNonNull(loc);
        }

        public ExprStmt(Expr expr) {
            this(expr, expr.loc());
        }

        public <R> R accept(StmtVisitor<R> v) {
            return v.visitExprStmt(this);
        }
    }

    /** @param otherwise the else branch, or null */
    record If(Expr cond, Stmt then, Stmt otherwise, SrcLoc loc) implements Stmt {
        public If {
            Objects.requireNonNull(cond);
            Objects.requireNonNull(then);
            Objects.requireNonNull(loc);
        }

        public <R> R accept(StmtVisitor<R> v) {
            return v.visitIf(this);
        }
    }

    record While(Expr cond, Stmt body, SrcLoc loc) implements Stmt {
        public While {
            Objects.requireNonNull(cond);
            Objects.requireNonNull(body);
            Objects.requireNonNull(loc);
        }

        public <R> R accept(StmtVisitor<R> v) {
            return v.visitWhile(this);
        }
    }

    /** {@code for (init; cond; step) body}; init, cond and step may each be null (no cond = forever). */
    record For(Expr init, Expr cond, Expr step, Stmt body, SrcLoc loc) implements Stmt {
        public For {
            Objects.requireNonNull(body);
            Objects.requireNonNull(loc);
        }

        public <R> R accept(StmtVisitor<R> v) {
            return v.visitFor(this);
        }
    }

    /**
     * {@code foreach ([k1, k2] = v in global[slice] sort limit n) body}.
     *
     * @param keyVars  one local per key of the global, in key order
     * @param valueVar local receiving the value, or null (not allowed for statistics)
     * @param slice    empty, or one expression per key where {@link Expr.AnyKey} matches any key
     * @param sort     sort order, or null for the store's order
     * @param limit    maximum number of iterations, evaluated once before the loop, or null
     */
    record Foreach(String global, List<LocalVar> keyVars, LocalVar valueVar, List<Expr> slice,
                   SortSpec sort, Expr limit, Stmt body, SrcLoc loc) implements Stmt {
        public Foreach {
            Objects.requireNonNull(global);
            keyVars = List.copyOf(keyVars);
            slice = List.copyOf(slice);
            Objects.requireNonNull(body);
            Objects.requireNonNull(loc);
            if (keyVars.isEmpty()) {
                throw new IllegalArgumentException("foreach over " + global + " without key variables");
            }
            if (!slice.isEmpty() && slice.size() != keyVars.size()) {
                throw new IllegalArgumentException("foreach slice of " + global + " has "
                        + slice.size() + " keys, expected " + keyVars.size());
            }
            if (sort != null && sort.column() > keyVars.size()) {
                throw new IllegalArgumentException("sort on key " + sort.column() + " of " + global
                        + " which has " + keyVars.size() + " keys");
            }
        }

        public <R> R accept(StmtVisitor<R> v) {
            return v.visitForeach(this);
        }
    }

    record Break(SrcLoc loc) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) {
            return v.visitBreak(this);
        }
    }

    record Continue(SrcLoc loc) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) {
            return v.visitContinue(this);
        }
    }

    /** Leaves the probe handler early; in a function, falls through to the next overload. */
    record Next(SrcLoc loc) implements Stmt {
        public <R> R accept(StmtVisitor<R> v) {
            return v.visitNext(this);
        }
    }

    /** @param value returned value, or null in void functions and probes */
    record Return(Expr value, SrcLoc loc) implements Stmt {
        public Return {
            Objects.requireNonNull(loc);
        }

        public <R> R accept(StmtVisitor<R> v) {
            return v.visitReturn(this);
        }
    }

    /** {@code delete g[k1, k2]}; keys may contain {@link Expr.AnyKey} to delete a slice. */
    record DeleteElement(String global, List<Expr> keys, SrcLoc loc) implements Stmt {
        public DeleteElement {
            Objects.requireNonNull(global);
            keys = List.copyOf(keys);
            Objects.requireNonNull(loc);
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("delete element of " + global + " without keys");
            }
        }

        public <R> R accept(StmtVisitor<R> v) {
            return v.visitDeleteElement(this);
        }
    }

    /** {@code delete g}: empties an array or statistics, resets a scalar to 0 or "". */
    record DeleteGlobal(String global, SrcLoc loc) implements Stmt {
        public DeleteGlobal {
            Objects.requireNonNull(global);
            Objects.requireNonNull(loc);
        }

        public <R> R accept(StmtVisitor<R> v) {
            return v.visitDeleteGlobal(this);
        }
    }

    /** {@code delete local}: resets it to 0 or "". */
    record DeleteLocal(LocalVar var, SrcLoc loc) implements Stmt {
        public DeleteLocal {
            Objects.requireNonNull(var);
            Objects.requireNonNull(loc);
        }

        public <R> R accept(StmtVisitor<R> v) {
            return v.visitDeleteLocal(this);
        }
    }

    /**
     * {@code try { body } catch (msg) { handler }}: a runtime error in body (other than MAXACTION)
     * runs handler, with the error's bare message (no location) in messageVar if given (else null).
     */
    record TryCatch(Stmt body, LocalVar messageVar, Stmt handler, SrcLoc loc) implements Stmt {
        public TryCatch {
            Objects.requireNonNull(body);
            Objects.requireNonNull(handler);
            Objects.requireNonNull(loc);
            if (messageVar != null && messageVar.type() != IrType.STRING) {
                throw new IllegalArgumentException("catch variable must be a string");
            }
        }

        public <R> R accept(StmtVisitor<R> v) {
            return v.visitTryCatch(this);
        }
    }
}
