package io.jstap.compiler.parse;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.diag.Source;
import io.jstap.compiler.diag.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** What the tree-to-AST builders share: the source, the diagnostics and the script arguments. */
final class BuildContext {

    /** Abandons the declaration being built (the diagnostic is already reported). */
    static final class Abandon extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandon() {
            super("declaration abandoned", null, false, false);
        }
    }

    final Source source;
    final Diagnostics diagnostics;
    final PreprocessorContext pp;

    BuildContext(Source source, Diagnostics diagnostics, PreprocessorContext pp) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.pp = pp;
    }

    Span span(ParserRuleContext ctx) {
        return Tokens.span(source, ctx);
    }

    Span span(Token t) {
        return Tokens.span(source, t);
    }

    Span span(TerminalNode n) {
        return Tokens.span(source, n.getSymbol());
    }

    void error(String code, String message, Span at, String... notes) {
        diagnostics.add(Diagnostic.parseError(code, message, at, notes));
    }

    /**
     * A script argument where stap wants a literal (probe point parameters, global initialisers, sizes):
     * stap pastes the argument's text there, so {@code @1} is a string and {@code $1} must be a number.
     * Reports and returns null when the argument is missing or not a number.
     */
    Expr argumentLiteral(Token t, boolean numberOnly) {
        String text = t.getText();
        boolean quoted = text.charAt(0) == '@';
        String value;
        if (text.endsWith("#")) {
            value = Integer.toString(pp.scriptArgs().size());
        } else {
            int index = ConditionEvaluator.argIndex(t);
            if (index < 1 || index > pp.scriptArgs().size()) {
                error(ParseCodes.SCRIPT_ARG, ConditionEvaluator.outOfRange(pp), span(t));
                return null;
            }
            value = pp.scriptArgs().get(index - 1);
        }
        if (quoted && !numberOnly) {
            return new Expr.StringLit(span(t), value);
        }
        try {
            boolean negative = value.startsWith("-");
            return new Expr.LongLit(span(t), LiteralParser.number(negative ? value.substring(1) : value, negative));
        } catch (LiteralParser.BadNumber e) {
            error(ParseCodes.SYNTAX, numberOnly ? "expected number" : "expected literal string or number", span(t),
                    "saw: script argument " + Tokens.printable(value));
            return null;
        }
    }

    /** A number literal, optionally written with a '-' in front; reports and gives 0 when out of range. */
    long number(Token minus, Token digits) {
        try {
            return LiteralParser.number(digits.getText(), minus != null);
        } catch (LiteralParser.BadNumber e) {
            error(ParseCodes.NUMBER, e.getMessage(), minus == null ? span(digits) : span(minus).to(span(digits)));
            return 0;
        }
    }
}
