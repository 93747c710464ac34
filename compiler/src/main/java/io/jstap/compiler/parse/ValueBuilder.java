package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops.HistKind;
import io.jstap.compiler.ast.Ops.StatsFn;
import io.jstap.compiler.ast.Ops.UnOp;
import io.jstap.compiler.diag.Span;
import io.jstap.compiler.parse.StapParser.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** The tightest-binding expressions: literals, names, calls, @-operators and context variables. */
final class ValueBuilder {
    /** stap @-operators jstap has no use for (kernel registers, perf counters, embedded C constants). */
    private static final Set<String> UNSUPPORTED = Set.of("@perf", "@const", "@probewrite", "@kregister",
            "@uregister", "@kderef", "@uderef", "@enum", "@enumname");

    private final BuildContext b;
    private final ExprBuilder exprs;

    ValueBuilder(BuildContext b, ExprBuilder exprs) {
        this.b = b;
        this.exprs = exprs;
    }

    /** A primary with its context-variable suffixes and '&'; the suffixes only apply to target symbols. */
    Expr dwarfValue(DwarfValueContext ctx) {
        PrimaryContext p = ctx.primary();
        boolean target = p instanceof TargetExprContext || p instanceof CastExprContext || p instanceof AtVarExprContext;
        if (!target) {
            if (ctx.AMP() != null) {
                b.error(ParseCodes.SYNTAX, "expected @cast, @var or $var", b.span(p), "saw: " + Tokens.describe(p.getStart()));
            } else if (!ctx.memberSuffix().isEmpty() || ctx.DOLLARS() != null) {
                Token at = ctx.memberSuffix().isEmpty() ? ctx.DOLLARS().getSymbol() : ctx.memberSuffix(0).getStart();
                b.error(ParseCodes.UNSUPPORTED, "autocast is not supported: '" + at.getText()
                        + "' may only follow a $variable, @cast or @var", b.span(at));
            }
            return primary(p);
        }
        String base = null;
        int pretty = 0;
        if (p instanceof TargetExprContext t) {
            base = t.DOLLAR_IDENT().getText();
            int last = lastNonDollar(base);
            if (last > 0 && last < base.length() - 1) {
                pretty = base.length() - 1 - last;
                base = base.substring(0, last + 1);
            }
        }
        List<Expr.Member> path = new ArrayList<>();
        for (MemberSuffixContext m : ctx.memberSuffix()) {
            if (pretty > 0) {
                b.error(ParseCodes.SYNTAX, "-> and [ are not accepted for a pretty-printing variable", b.span(m));
                break;
            }
            if (m.ARROW() == null) {
                Expr index = exprs.expr(m.expr());
                path.add(new Expr.Member(b.span(m), null, index));
                continue;
            }
            String field = m.memberName().getText();
            int last = lastNonDollar(field);
            if (last < field.length() - 1) {
                pretty = field.length() - 1 - last;
                field = field.substring(0, last + 1);
            }
            if (!field.isEmpty()) {
                path.add(new Expr.Member(b.span(m), field, null));
            }
        }
        if (ctx.DOLLARS() != null) {
            if (pretty > 0) {
                b.error(ParseCodes.SYNTAX, "unexpected '" + ctx.DOLLARS().getText() + "'", b.span(ctx.DOLLARS()));
            } else {
                pretty = ctx.DOLLARS().getText().length();
            }
        }
        Span span = b.span(p.getStart()).to(b.span(ctx.getStop()));
        Expr node;
        if (p instanceof CastExprContext c) {
            Expr operand = exprs.expr(c.expr());
            String type = string(c.stringLit(0)).value();
            if (type.isEmpty()) {
                b.error(ParseCodes.SYNTAX, "expected non-empty string", b.span(c.stringLit(0)));
            }
            String module = c.stringLit().size() > 1 ? string(c.stringLit(1)).value() : null;
            node = new Expr.Cast(span, operand, type, module, path, pretty);
        } else if (p instanceof AtVarExprContext v) {
            String name = string(v.stringLit(0)).value();
            String module = v.stringLit().size() > 1 ? string(v.stringLit(1)).value() : null;
            node = new Expr.AtVar(span, name, module, path, pretty);
        } else {
            node = new Expr.TargetVar(span, base, path, pretty);
        }
        if (ctx.AMP() != null) {
            node = new Expr.Unary(b.span(ctx), UnOp.ADDRESS_OF, node);
        }
        return node;
    }

    private static int lastNonDollar(String s) {
        int k = s.length() - 1;
        while (k >= 0 && s.charAt(k) == '$') {
            k--;
        }
        return k;
    }

    private Expr primary(PrimaryContext p) {
        Span span = b.span(p);
        if (p instanceof ParenExprContext c) {
            return exprs.expr(c.expr());
        }
        if (p instanceof NumberExprContext c) {
            return new Expr.LongLit(span, b.number(null, c.NUMBER().getSymbol()));
        }
        if (p instanceof StringExprContext c) {
            return string(c.stringLit());
        }
        if (p instanceof ScriptArgExprContext c) {
            return scriptArg(c.SCRIPT_ARG().getSymbol());
        }
        if (p instanceof EmbeddedExprContext) {
            embeddedC(span);
            return new Expr.LongLit(span, 0);
        }
        if (p instanceof DefinedExprContext c) {
            Expr operand = exprs.expr(c.expr());
            return new Expr.Defined(span, operand);
        }
        if (p instanceof EntryExprContext c) {
            Expr operand = exprs.expr(c.expr());
            return new Expr.Entry(span, operand);
        }
        if (p instanceof StatsExprContext c) {
            StatsFn fn = ExprBuilder.statsFn(c.statsFn());
            Expr operand = exprs.expr(c.expr());
            if (c.signedNumber() != null) {
                if (fn == StatsFn.VARIANCE) {
                    b.error(ParseCodes.UNSUPPORTED, "the bit-shift parameter of @variance is not supported",
                            b.span(c.signedNumber()));
                } else {
                    b.error(ParseCodes.SYNTAX, "expected ')'", b.span(c.COMMA()), "saw: operator ','");
                }
            }
            return new Expr.StatsOp(span, fn, operand);
        }
        if (p instanceof HistExprContext c) {
            Expr hist = hist(c.histOp());
            if (c.LBRACK() == null) {
                return hist;
            }
            return new Expr.Index(span, hist, exprs.indexItems(c.indexItem()));
        }
        if (p instanceof UnknownAtExprContext c) {
            String name = c.AT_IDENT().getText();
            if (UNSUPPORTED.contains(name)) {
                b.error(ParseCodes.UNSUPPORTED, "'" + name + "' is not supported by jstap", b.span(c.AT_IDENT()));
            } else {
                b.error(ParseCodes.SYNTAX, "unknown operator " + name, b.span(c.AT_IDENT()));
            }
            return new Expr.LongLit(span, 0);
        }
        if (p instanceof CallExprContext c) {
            return call(c);
        }
        SymbolExprContext c = (SymbolExprContext) p;
        Expr.Ident name = new Expr.Ident(b.span(c.IDENT()), c.IDENT().getText());
        if (c.LBRACK() == null) {
            return name;
        }
        return new Expr.Index(span, name, exprs.indexItems(c.indexItem()));
    }

    private Expr hist(HistOpContext ctx) {
        Span span = b.span(ctx);
        if (ctx instanceof HistLogContext log) {
            Expr operand = exprs.expr(log.expr());
            return new Expr.Hist(span, HistKind.LOG, operand, List.of());
        }
        HistLinearContext lin = (HistLinearContext) ctx;
        Expr operand = exprs.expr(lin.expr());
        List<Expr> params = new ArrayList<>();
        for (SignedNumberContext n : lin.signedNumber()) {
            params.add(signedNumber(n));
        }
        return new Expr.Hist(span, HistKind.LINEAR, operand, params);
    }

    /** {@code [-]N} or a script argument standing for a number; 0 (reported) when it cannot be had. */
    Expr.LongLit signedNumber(SignedNumberContext n) {
        if (n.SCRIPT_ARG() != null) {
            Expr e = b.argumentLiteral(n.SCRIPT_ARG().getSymbol(), true);
            return e instanceof Expr.LongLit l ? l : new Expr.LongLit(b.span(n), 0);
        }
        Token minus = n.MINUS() == null ? null : n.MINUS().getSymbol();
        return new Expr.LongLit(b.span(n), b.number(minus, n.NUMBER().getSymbol()));
    }

    private Expr call(CallExprContext c) {
        String name = c.IDENT().getText();
        List<Expr> args = new ArrayList<>();
        for (ExprContext e : c.expr()) {
            args.add(exprs.expr(e));
        }
        PrintFamily.check(b, name, args, c.expr(), b.span(c.RPAREN()));
        return new Expr.Call(b.span(c), name, args);
    }

    private Expr scriptArg(Token t) {
        String text = t.getText();
        boolean asString = text.charAt(0) == '@';
        if (text.endsWith("#")) {
            return new Expr.ScriptArg(b.span(t), 0, asString);
        }
        int index = ConditionEvaluator.argIndex(t);
        if (index < 1 || index > b.pp.scriptArgs().size()) {
            b.error(ParseCodes.SCRIPT_ARG, ConditionEvaluator.outOfRange(b.pp), b.span(t));
        }
        return new Expr.ScriptArg(b.span(t), index, asString);
    }

    /** Adjacent string literals are one: {@code "a" "b"} is {@code "ab"}. */
    Expr.StringLit string(StringLitContext ctx) {
        List<TerminalNode> parts = ctx.STRING();
        if (parts.size() == 1) {
            return new Expr.StringLit(b.span(ctx), LiteralParser.string(parts.get(0).getText()));
        }
        StringBuilder sb = new StringBuilder();
        for (TerminalNode part : parts) {
            sb.append(LiteralParser.string(part.getText()));
        }
        return new Expr.StringLit(b.span(ctx), sb.toString());
    }

    void embeddedC(Span at) {
        b.error(ParseCodes.EMBEDDED_C, "embedded C is not supported: jstap compiles to eBPF, which cannot run C code",
                at);
    }
}
