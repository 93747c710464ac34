package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Decl;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops.TypeName;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.parse.StapParser.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Turns one parsed declaration into an AST {@link Decl}, reporting what the grammar accepts but stap
 * (or jstap) does not. The parse tree is not kept.
 */
final class AstBuilder {
    private final BuildContext b;
    private final ExprBuilder exprs;
    private final ValueBuilder values;
    private final StmtBuilder stmts;
    private final ProbePointBuilder points;
    private final Set<String> globals = new HashSet<>();

    AstBuilder(BuildContext b) {
        this.b = b;
        this.exprs = new ExprBuilder(b);
        this.values = new ValueBuilder(b, exprs);
        this.stmts = new StmtBuilder(b, exprs);
        this.points = new ProbePointBuilder(b, exprs);
    }

    /** The declaration, or null when it must be dropped (its errors are reported). */
    Decl declaration(DeclarationContext ctx) {
        exprs.reset();
        try {
            Decl d;
            if (ctx.probeDecl() != null) {
                d = probe(ctx.probeDecl());
            } else if (ctx.globalDecl() != null) {
                d = global(b.span(ctx), false, ctx.globalDecl().globalVars());
            } else if (ctx.functionDecl() != null) {
                d = function(b.span(ctx), false, ctx.functionDecl().functionRest());
            } else if (ctx.privateDecl() != null) {
                PrivateDeclContext p = ctx.privateDecl();
                d = p.functionRest() != null ? function(b.span(ctx), true, p.functionRest())
                        : global(b.span(ctx), true, p.globalVars());
            } else {
                values.embeddedC(b.span(ctx));
                d = null;
            }
            if (d != null) {
                new HistPlacementCheck(b).scan(d);
            }
            return d;
        } catch (BuildContext.Abandon e) {
            return null;
        }
    }

    /** The expression of {@link Parser#parseExpression}. */
    Expr expression(ExprContext ctx) {
        exprs.reset();
        try {
            Expr e = exprs.expr(ctx);
            new HistPlacementCheck(b).scan(e);
            return e;
        } catch (BuildContext.Abandon e) {
            return null;
        }
    }

    private Decl probe(ProbeDeclContext ctx) {
        Span span = b.span(ctx);
        List<ProbePointsContext> lists = ctx.probePoints();
        List<ProbePoint> targets = points.points(lists.get(lists.size() - 1));
        if (lists.size() == 1) {
            if (ctx.block().size() > 1) {
                b.error(ParseCodes.SYNTAX, "expected 'probe', 'global', 'private' or 'function'",
                        b.span(ctx.COMMA()), "saw: operator ','");
            }
            return new Decl.Probe(span, false, targets, stmts.body(ctx.block(0), false));
        }
        List<ProbePoint> names = new ArrayList<>();
        boolean epilogue = false;
        for (int i = 0; i < lists.size() - 1; i++) {
            List<ProbePoint> name = points.points(lists.get(i));
            Token op = ctx.aliasOp(i).getStart();
            epilogue |= op.getType() == StapLexer.ADD_ASSIGN;
            if (name.size() != 1) {
                b.error(ParseCodes.SYNTAX, "expected probe point specifier", b.span(op),
                        "an alias defines one name at a time: probe a = b = target");
                continue;
            }
            ProbePoint n = name.get(0);
            if (n.optional()) {
                b.error(ParseCodes.SYNTAX, "probe point alias name cannot be optional nor sufficient", n.span());
            }
            names.add(n);
        }
        if (ctx.block().size() > 1) {
            String message = epilogue ? "Combined prologue and epilogue cannot be defined with '+='"
                    : "an alias with both a prologue and an epilogue body is not supported";
            b.error(epilogue ? ParseCodes.SYNTAX : ParseCodes.UNSUPPORTED, message, b.span(ctx.COMMA()));
        }
        return new Decl.ProbeAlias(span, names, targets, epilogue, stmts.body(ctx.block(0), false));
    }

    private Decl global(Span span, boolean isPrivate, GlobalVarsContext ctx) {
        List<Decl.GlobalVar> vars = new ArrayList<>();
        for (GlobalVarContext v : ctx.globalVar()) {
            String name = v.IDENT().getText();
            if (!globals.add(name)) {
                b.error(ParseCodes.MISPLACED, "duplicate global name", b.span(v.IDENT()), "saw: identifier '"
                        + name + "'");
            }
            Long size = null;
            if (v.signedNumber() != null) {
                long n = values.signedNumber(v.signedNumber()).value();
                if (n <= 0 || n > Integer.MAX_VALUE) {
                    b.error(ParseCodes.NUMBER, "array size out of range", b.span(v.signedNumber()));
                }
                size = n;
            }
            Expr init = null;
            if (v.globalInit() != null) {
                if (size != null) {
                    b.error(ParseCodes.MISPLACED, "only scalar globals can be initialized", b.span(v.ASSIGN()));
                }
                init = globalInit(v.globalInit());
            }
            vars.add(new Decl.GlobalVar(b.span(v), name, size, v.PERCENT() != null, init));
        }
        return new Decl.Global(span, isPrivate, vars);
    }

    private Expr globalInit(GlobalInitContext ctx) {
        if (ctx.stringLit() != null) {
            return values.string(ctx.stringLit());
        }
        if (ctx.SCRIPT_ARG() != null) {
            Expr e = b.argumentLiteral(ctx.SCRIPT_ARG().getSymbol(), false);
            return e != null ? e : new Expr.LongLit(b.span(ctx), 0);
        }
        Token minus = ctx.MINUS() == null ? null : ctx.MINUS().getSymbol();
        return new Expr.LongLit(b.span(ctx), b.number(minus, ctx.NUMBER().getSymbol()));
    }

    private Decl function(Span span, boolean isPrivate, FunctionRestContext ctx) {
        TypeName returnType = ctx.typeName() == null ? null : type(ctx.typeName());
        List<Decl.Param> params = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ParamContext p : ctx.param()) {
            String name = p.IDENT().getText();
            if (!seen.add(name)) {
                b.error(ParseCodes.MISPLACED, "duplicate parameter names", b.span(p.IDENT()));
            }
            params.add(new Decl.Param(b.span(p), name, p.typeName() == null ? null : type(p.typeName())));
        }
        if (ctx.priority != null) {
            b.error(ParseCodes.UNSUPPORTED, "function priorities are not supported", b.span(ctx.priority));
        }
        if (ctx.block() == null) {
            values.embeddedC(b.span(ctx.EMBEDDED()));
            return null;
        }
        Stmt.Block body = stmts.body(ctx.block(), true);
        return new Decl.Function(span, isPrivate, ctx.name.getText(), returnType, params, body);
    }

    private static TypeName type(TypeNameContext t) {
        return t.LONG_KW() != null ? TypeName.LONG : TypeName.STRING;
    }
}
