package io.jstap.compiler.parse;

import org.antlr.v4.runtime.Token;

/**
 * Evaluates one {@code left op right} term of a {@code %( %?} condition, with the operands and the
 * messages of stap's eval_pp_conditional.
 */
final class ConditionEvaluator {

    /** A term that cannot be evaluated; {@code at} is the token to blame. */
    static final class ConditionError extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Token at;
        final String code;

        ConditionError(String message, Token at) {
            this(ParseCodes.CONDITIONAL, message, at);
        }

        ConditionError(String code, String message, Token at) {
            super(message, null, false, false);
            this.at = at;
            this.code = code;
        }
    }

    private enum Kind { IDENT, STRING, NUMBER, OTHER }

    /** An operand: script arguments already replaced by their value. */
    private record Operand(Kind kind, String text, long number, Token token) {
    }

    private final PreprocessorContext ctx;

    ConditionEvaluator(PreprocessorContext ctx) {
        this.ctx = ctx;
    }

    /** {@code defined(@N)} / {@code defined($N)}: whether argument N was given. */
    boolean defined(Token arg) throws ConditionError {
        String text = arg.getText();
        if (arg.getType() != StapLexer.SCRIPT_ARG || text.endsWith("#")) {
            throw new ConditionError("expected script argument", arg);
        }
        return argIndex(arg) <= ctx.scriptArgs().size();
    }

    boolean eval(Token l, Token op, Token r) throws ConditionError {
        Operand left = operand(l);
        Operand right = operand(r);
        if (left.kind == Kind.IDENT) {
            switch (left.text) {
                case "kernel_v":
                    return version(ctx.kernelVersion(), op, right);
                case "kernel_vr":
                    return version(ctx.kernelRelease(), op, right);
                case "systemtap_v":
                    return version(ctx.systemtapVersion(), op, right);
                case "systemtap_privilege":
                    // Loading BPF needs root or CAP_BPF+CAP_PERFMON: the stapdev level.
                    return equality(op, "stapdev".equals(string(right)));
                case "guru_mode": {
                    if (right.kind != Kind.NUMBER) {
                        throw new ConditionError("expected number", r);
                    }
                    if (right.number != 0 && right.number != 1) {
                        throw new ConditionError("expected 0 or 1", op);
                    }
                    return equality(op, right.number == 0);
                }
                case "arch":
                    return equality(op, VersionMatch.glob(string(right), ctx.arch()));
                case "runtime":
                    return equality(op, VersionMatch.glob(string(right), ctx.runtime()));
                default:
                    if (left.text.startsWith("CONFIG_")) {
                        return config(left, op, right);
                    }
            }
        }
        if (left.kind == Kind.STRING && right.kind == Kind.STRING) {
            return compare(left.text.compareTo(right.text), op);
        }
        if (left.kind == Kind.NUMBER && right.kind == Kind.NUMBER) {
            return compare(Long.compare(left.number, right.number), op);
        }
        if (left.kind == Kind.STRING && right.kind == Kind.NUMBER) {
            throw new ConditionError("expected string literal as right value", r);
        }
        if (left.kind == Kind.NUMBER && right.kind == Kind.STRING) {
            throw new ConditionError("expected number literal as right value", r);
        }
        throw new ConditionError("expected 'arch', 'kernel_v', 'kernel_vr', 'systemtap_v', 'runtime', "
                + "'systemtap_privilege', 'CONFIG_...', or comparison between strings or integers", l);
    }

    private boolean version(String target, Token op, Operand right) throws ConditionError {
        String query = string(right);
        boolean wildcard = VersionMatch.hasWildcard(query);
        if (wildcard) {
            if (op.getType() != StapLexer.EQ && op.getType() != StapLexer.NE) {
                comparisonOp(op);
                throw new ConditionError("wildcard not allowed with order comparison operators", op);
            }
            return equality(op, VersionMatch.glob(query, target));
        }
        return compare(VersionMatch.compare(target, query), op);
    }

    private boolean config(Operand left, Token op, Operand right) throws ConditionError {
        String value = ctx.kconfigValue(left.text);
        if (right.kind == Kind.STRING) {
            return equality(op, VersionMatch.glob(right.text, value));
        }
        if (right.kind == Kind.NUMBER) {
            Long lhs = configNumber(value);
            if (lhs == null) {
                throw new ConditionError("Config option value not a number", left.token);
            }
            return compare(Long.compare(lhs, right.number), op);
        }
        if (right.kind == Kind.IDENT && right.text.startsWith("CONFIG_")) {
            String other = ctx.kconfigValue(right.text);
            Long a = configNumber(value);
            Long b = configNumber(other);
            return a != null && b != null ? compare(Long.compare(a, b), op) : compare(value.compareTo(other), op);
        }
        throw new ConditionError("expected string, number literal or other CONFIG_... as right side operand",
                right.token);
    }

    private static Long configNumber(String value) {
        try {
            boolean negative = value.startsWith("-");
            return LiteralParser.number(negative ? value.substring(1) : value, negative);
        } catch (LiteralParser.BadNumber e) {
            return null;
        }
    }

    private static String string(Operand o) throws ConditionError {
        if (o.kind != Kind.STRING) {
            throw new ConditionError("expected string literal", o.token);
        }
        return o.text;
    }

    private static boolean equality(Token op, boolean match) throws ConditionError {
        if (op.getType() == StapLexer.EQ) {
            return match;
        }
        if (op.getType() == StapLexer.NE) {
            return !match;
        }
        throw new ConditionError("expected '==' or '!='", op);
    }

    private static boolean compare(int c, Token op) throws ConditionError {
        switch (comparisonOp(op)) {
            case StapLexer.LT: return c < 0;
            case StapLexer.LE: return c <= 0;
            case StapLexer.GT: return c > 0;
            case StapLexer.GE: return c >= 0;
            case StapLexer.EQ: return c == 0;
            default: return c != 0;
        }
    }

    private static int comparisonOp(Token op) throws ConditionError {
        int t = op.getType();
        if (t == StapLexer.LT || t == StapLexer.LE || t == StapLexer.GT || t == StapLexer.GE || t == StapLexer.EQ
                || t == StapLexer.NE) {
            return t;
        }
        throw new ConditionError("expected comparison operator", op);
    }

    private Operand operand(Token t) throws ConditionError {
        switch (t.getType()) {
            case StapLexer.IDENT:
                return new Operand(Kind.IDENT, t.getText(), 0, t);
            case StapLexer.STRING:
                return new Operand(Kind.STRING, LiteralParser.string(t.getText()), 0, t);
            case StapLexer.NUMBER:
                try {
                    return new Operand(Kind.NUMBER, t.getText(), LiteralParser.number(t.getText(), false), t);
                } catch (LiteralParser.BadNumber e) {
                    throw new ConditionError(ParseCodes.NUMBER, e.getMessage(), t);
                }
            case StapLexer.SCRIPT_ARG:
                return argument(t);
            default:
                return new Operand(Kind.OTHER, t.getText(), 0, t);
        }
    }

    /** $# and $N are numbers (when the argument is one), @# and @N strings: stap pastes them in. */
    private Operand argument(Token t) throws ConditionError {
        String text = t.getText();
        boolean quoted = text.charAt(0) == '@';
        String value;
        if (text.endsWith("#")) {
            value = Integer.toString(ctx.scriptArgs().size());
        } else {
            int index = argIndex(t);
            if (index < 1 || index > ctx.scriptArgs().size()) {
                throw new ConditionError(ParseCodes.SCRIPT_ARG, outOfRange(ctx), t);
            }
            value = ctx.scriptArgs().get(index - 1);
        }
        if (!quoted) {
            try {
                boolean negative = value.startsWith("-");
                long n = LiteralParser.number(negative ? value.substring(1) : value, negative);
                return new Operand(Kind.NUMBER, value, n, t);
            } catch (LiteralParser.BadNumber e) {
                // not a number: compared as the text it is
            }
        }
        return new Operand(Kind.STRING, value, 0, t);
    }

    static int argIndex(Token t) {
        String digits = t.getText().substring(1);
        return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    static String outOfRange(PreprocessorContext ctx) {
        return "command line argument out of range [1-" + ctx.scriptArgs().size() + "]";
    }
}
