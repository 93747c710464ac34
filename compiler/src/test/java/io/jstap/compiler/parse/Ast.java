package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops.AssignOp;
import io.jstap.compiler.ast.Ops.BinOp;
import io.jstap.compiler.ast.Ops.UnOp;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import java.util.List;

/** Short constructors for expected ASTs (spans never take part in equality). */
final class Ast {
    static final Span S = Span.NONE;

    private Ast() {
    }

    static Expr id(String name) {
        return new Expr.Ident(S, name);
    }

    static Expr num(long v) {
        return new Expr.LongLit(S, v);
    }

    static Expr str(String s) {
        return new Expr.StringLit(S, s);
    }

    static Expr bin(BinOp op, Expr l, Expr r) {
        return new Expr.Binary(S, op, l, r);
    }

    static Expr un(UnOp op, Expr e) {
        return new Expr.Unary(S, op, e);
    }

    static Expr assign(AssignOp op, Expr t, Expr v) {
        return new Expr.Assign(S, op, t, v);
    }

    static Expr tern(Expr c, Expr t, Expr e) {
        return new Expr.Ternary(S, c, t, e);
    }

    static Expr in(Expr array, Expr... keys) {
        return new Expr.In(S, List.of(keys), (Expr.Ident) array);
    }

    static Expr incdec(Expr target, boolean increment, boolean prefix) {
        return new Expr.IncDec(S, target, increment, prefix);
    }

    static Expr index(Expr base, Expr... keys) {
        return new Expr.Index(S, base, List.of(keys));
    }

    static Expr call(String name, Expr... args) {
        return new Expr.Call(S, name, List.of(args));
    }

    /** Parses one expression, failing on any diagnostic. */
    static Expr parse(String text) {
        ExprResult r = Parser.parseExpression(new Source("<expr>", text), PreprocessorContext.defaults());
        if (r.diags().hasErrors() || r.expr() == null) {
            throw new AssertionError("'" + text + "' did not parse:\n" + r.diags().render());
        }
        return r.expr();
    }
}
