package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.ProbePoint;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.parse.StapParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Probe points from the parse tree. Brace groups expand at once, as stap does: {@code {a, b}.c?} is the
 * two points {@code a.c?} and {@code b.c?}. Script arguments in parameters are replaced by their value.
 */
final class ProbePointBuilder {
    private final BuildContext b;
    private final ExprBuilder exprs;
    private final ValueBuilder values;

    ProbePointBuilder(BuildContext b, ExprBuilder exprs) {
        this.b = b;
        this.exprs = exprs;
        this.values = new ValueBuilder(b, exprs);
    }

    List<ProbePoint> points(ProbePointsContext ctx) {
        List<ProbePoint> out = new ArrayList<>();
        for (ProbePointContext p : ctx.probePoint()) {
            out.addAll(point(p));
        }
        return out;
    }

    private List<ProbePoint> point(ProbePointContext ctx) {
        Span span = b.span(ctx);
        List<ProbePoint> current = component(ctx.ppComponent(0));
        for (int i = 1; i < ctx.ppComponent().size(); i++) {
            List<ProbePoint> suffix = component(ctx.ppComponent(i));
            List<ProbePoint> product = new ArrayList<>();
            for (ProbePoint prefix : current) {
                if (prefix.optional() || prefix.condition() != null) {
                    b.error(ParseCodes.SYNTAX, "'?', '!' or condition must only be specified in suffix",
                            prefix.span());
                }
                for (ProbePoint s : suffix) {
                    List<ProbePoint.Component> parts = new ArrayList<>(prefix.components());
                    parts.addAll(s.components());
                    product.add(new ProbePoint(span, parts, s.optional(), s.sufficient(), s.condition()));
                }
            }
            current = product;
        }
        if (ctx.ppMarker() != null) {
            boolean sufficient = ctx.ppMarker().BANG() != null;
            List<ProbePoint> marked = new ArrayList<>();
            for (ProbePoint p : current) {
                if (p.optional()) {
                    b.error(ParseCodes.SYNTAX, "'?' or '!' respecified", b.span(ctx.ppMarker()));
                }
                // Like stap, '!' (sufficient) implies '?' (optional).
                marked.add(new ProbePoint(span, p.components(), true, sufficient, p.condition()));
            }
            current = marked;
        }
        if (ctx.IF() != null) {
            Expr cond = exprs.expr(ctx.expr());
            List<ProbePoint> guarded = new ArrayList<>();
            for (ProbePoint p : current) {
                if (p.condition() != null) {
                    b.error(ParseCodes.SYNTAX, "condition respecified", b.span(ctx.IF()));
                }
                guarded.add(new ProbePoint(span, p.components(), p.optional(), p.sufficient(), cond));
            }
            current = guarded;
        }
        return current;
    }

    private List<ProbePoint> component(PpComponentContext ctx) {
        if (ctx instanceof PpGroupContext g) {
            return points(g.probePoints());
        }
        PpNamedContext named = (PpNamedContext) ctx;
        StringBuilder name = new StringBuilder();
        for (PpPartContext part : named.ppName().ppPart()) {
            name.append(part.getText());
        }
        Expr arg = named.ppLiteral() == null ? null : literal(named.ppLiteral());
        Span span = b.span(ctx);
        return List.of(new ProbePoint(span, List.of(new ProbePoint.Component(span, name.toString(), arg)),
                false, false, null));
    }

    /** A parameter: a string, a number with an optional '-', or a script argument standing for one. */
    private Expr literal(PpLiteralContext ctx) {
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
}
