package io.jstap.compiler.ast;

import io.jstap.compiler.ast.Expr.*;
import io.jstap.compiler.ast.Ops.BinOp;
import io.jstap.compiler.ast.Ops.Sort;
import io.jstap.compiler.ast.Ops.UnOp;
import io.jstap.compiler.ast.Stmt.*;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints an AST back as stap text, in the layout of {@code stap -p1} (one declaration after another, one
 * statement per line, each simple statement ended by ';') with indentation and with only the
 * parentheses stap's precedence requires. Reparsing the output gives an equal AST.
 */
public final class AstPrinter {
    private static final String INDENT = "  ";

    // Precedence levels, loosest first, in the order of stap's parser.
    private static final int ASSIGN = 1;
    private static final int TERNARY = 2;
    private static final int IN = 8;
    private static final int COMPARE = 9;
    private static final int SHIFT = 10;
    private static final int UNARY = 14;
    private static final int CREMENT = 15;
    private static final int PRIMARY = 16;

    private AstPrinter() {
    }

    /** The whole script: macro definitions first, then the declarations in order, one per line. */
    public static String print(Script script) {
        StringBuilder sb = new StringBuilder();
        for (Decl.Macro m : script.macros()) {
            sb.append(decl(m)).append('\n');
        }
        for (Decl d : script.decls()) {
            sb.append(decl(d)).append('\n');
        }
        return sb.toString();
    }

    public static String decl(Decl d) {
        if (d instanceof Decl.Global g) {
            return (g.isPrivate() ? "private " : "") + "global "
                    + join(g.vars(), v -> v.name() + (v.wrap() ? "%" : "") + (v.size() != null ? "[" + v.size() + "]" : "")
                    + (v.init() != null ? " = " + literal(v.init()) : ""));
        }
        if (d instanceof Decl.Probe p) {
            return "probe " + join(p.points(), AstPrinter::point) + " " + stmt(p.body());
        }
        if (d instanceof Decl.ProbeAlias a) {
            String op = a.epilogue() ? " += " : " = ";
            return "probe " + a.names().stream().map(AstPrinter::point).collect(Collectors.joining(op)) + op
                    + join(a.targets(), AstPrinter::point) + " " + stmt(a.body());
        }
        if (d instanceof Decl.Function f) {
            return (f.isPrivate() ? "private " : "") + "function " + f.name()
                    + (f.returnType() != null ? ":" + f.returnType().symbol : "") + "("
                    + join(f.params(), p -> p.name() + (p.type() != null ? ":" + p.type().symbol : "")) + ") "
                    + stmt(f.body());
        }
        Decl.Macro m = (Decl.Macro) d;
        return "@define " + m.name() + (m.params().isEmpty() ? "" : "(" + String.join(", ", m.params()) + ")")
                + " %( " + m.body() + " %)";
    }

    /** A probe point with its markers and condition: {@code kernel.function("f").return? if (x)}. */
    public static String point(ProbePoint p) {
        String s = join(p.components(), c -> c.name() + (c.arg() != null ? "(" + literal(c.arg()) + ")" : ""), ".")
                + (p.sufficient() ? "!" : p.optional() ? "?" : "");
        return p.condition() == null ? s : s + " if (" + expr(p.condition()) + ")";
    }

    public static String stmt(Stmt s) {
        StringBuilder sb = new StringBuilder();
        new StmtPrinter(sb).print(s, 0);
        return sb.toString();
    }

    public static String expr(Expr e) {
        return e.accept(EXPR);
    }

    /** A literal where stap takes a signed literal (parameters, initialisers): {@code -5}, {@code "s"}. */
    private static String literal(Expr e) {
        if (e instanceof LongLit l) {
            return Long.toString(l.value());
        }
        return expr(e);
    }

    private static <T> String join(List<T> items, Function<T, String> f) {
        return join(items, f, ", ");
    }

    private static <T> String join(List<T> items, Function<T, String> f, String sep) {
        return items.stream().map(f).collect(Collectors.joining(sep));
    }

    static int precedence(Expr e) {
        if (e instanceof Assign) {
            return ASSIGN;
        }
        if (e instanceof Ternary) {
            return TERNARY;
        }
        if (e instanceof In) {
            return IN;
        }
        if (e instanceof Binary b) {
            return precedence(b.op());
        }
        if (e instanceof Unary u) {
            return u.op() == UnOp.ADDRESS_OF ? PRIMARY : UNARY;
        }
        if (e instanceof IncDec) {
            return CREMENT;
        }
        return PRIMARY;
    }

    private static int precedence(BinOp op) {
        switch (op) {
            case OR: return 3;
            case AND: return 4;
            case BITOR: return 5;
            case BITXOR: return 6;
            case BITAND: return 7;
            case SHL: case SHR: return SHIFT;
            case CONCAT: return 11;
            case ADD: case SUB: return 12;
            case MUL: case DIV: case MOD: return 13;
            default: return COMPARE;
        }
    }

    private static final ExprPrinter EXPR = new ExprPrinter();

    /** Operators a prefix operator and the first character of its operand would lex as. */
    private static final java.util.Set<String> TWO_CHAR_OPS = java.util.Set.of("--", "++", "-=", "+=", "->", "!~",
            "!=", "&&", "&=");

    /** Expressions, parenthesising an operand only where stap would otherwise group it differently. */
    private static final class ExprPrinter implements ExprVisitor<String> {

        /** {@code e}, in parentheses unless its precedence is at least {@code min}. */
        private String at(Expr e, int min) {
            String s = e.accept(this);
            return precedence(e) < min ? "(" + s + ")" : s;
        }

        @Override public String visitLong(LongLit e) {
            // A negative value can only come from a literal above 2^63 (stap wraps): hex keeps it one literal.
            return e.value() >= 0 ? Long.toString(e.value()) : "0x" + Long.toHexString(e.value());
        }

        @Override public String visitString(StringLit e) { return Literals.quote(e.value()); }

        @Override public String visitIdent(Ident e) { return e.name(); }

        @Override public String visitScriptArg(ScriptArg e) {
            return (e.asString() ? "@" : "$") + (e.index() == 0 ? "#" : Integer.toString(e.index()));
        }

        @Override public String visitTargetVar(TargetVar e) { return e.name() + path(e.path(), e.pretty()); }

        @Override public String visitCast(Cast e) {
            return "@cast(" + e.operand().accept(this) + ", " + Literals.quote(e.type())
                    + (e.module() != null ? ", " + Literals.quote(e.module()) : "") + ")" + path(e.path(), e.pretty());
        }

        @Override public String visitAtVar(AtVar e) {
            return "@var(" + Literals.quote(e.name()) + (e.module() != null ? ", " + Literals.quote(e.module()) : "")
                    + ")" + path(e.path(), e.pretty());
        }

        private String path(List<Member> path, int pretty) {
            StringBuilder sb = new StringBuilder();
            for (Member m : path) {
                sb.append(m.isIndex() ? "[" + m.index().accept(this) + "]" : "->" + m.field());
            }
            return sb.append("$".repeat(Math.max(0, pretty))).toString();
        }

        @Override public String visitIndex(Index e) {
            return at(e.base(), PRIMARY) + "[" + join(e.indices(), i -> i.accept(this)) + "]";
        }

        @Override public String visitWildcard(Wildcard e) { return "*"; }

        @Override public String visitBinary(Binary e) {
            int p = precedence(e.op());
            if (e.op() == BinOp.MATCH || e.op() == BinOp.NOMATCH) {
                return at(e.left(), SHIFT) + " " + e.op().symbol + " " + at(e.right(), PRIMARY);
            }
            boolean leftRegex = e.left() instanceof Binary l && (l.op() == BinOp.MATCH || l.op() == BinOp.NOMATCH);
            String left = leftRegex ? "(" + e.left().accept(this) + ")" : at(e.left(), p);
            return left + " " + e.op().symbol + " " + at(e.right(), p + 1);
        }

        @Override public String visitUnary(Unary e) {
            String operand = at(e.operand(), e.op() == UnOp.ADDRESS_OF ? PRIMARY : UNARY);
            // "- -x", not "--x" (a decrement); "! ~x", not "!~x" (a regex match).
            String sep = !operand.isEmpty() && TWO_CHAR_OPS.contains(e.op().symbol + operand.charAt(0)) ? " " : "";
            return e.op().symbol + sep + operand;
        }

        @Override public String visitIncDec(IncDec e) {
            String op = e.increment() ? "++" : "--";
            String target = at(e.target(), PRIMARY);
            return e.prefix() ? op + target : target + op;
        }

        @Override public String visitAssign(Assign e) {
            return at(e.target(), TERNARY) + " " + e.op().symbol + " " + e.value().accept(this);
        }

        @Override public String visitTernary(Ternary e) {
            return at(e.cond(), TERNARY + 1) + " ? " + e.then().accept(this) + " : " + at(e.otherwise(), TERNARY);
        }

        @Override public String visitIn(In e) {
            String array = e.array().name();
            if (e.keys().size() == 1 && !(e.keys().get(0) instanceof Wildcard)) {
                return at(e.keys().get(0), COMPARE) + " in " + array;
            }
            return "[" + join(e.keys(), k -> k instanceof Wildcard ? "*" : at(k, COMPARE)) + "] in " + array;
        }

        @Override public String visitCall(Call e) {
            return e.name() + "(" + join(e.args(), a -> a.accept(this)) + ")";
        }

        @Override public String visitStatsOp(StatsOp e) { return e.fn().symbol + "(" + e.operand().accept(this) + ")"; }

        @Override public String visitHist(Hist e) {
            return e.kind().symbol + "(" + e.operand().accept(this)
                    + e.params().stream().map(p -> ", " + literal(p)).collect(Collectors.joining()) + ")";
        }

        @Override public String visitEntry(Entry e) { return "@entry(" + e.operand().accept(this) + ")"; }

        @Override public String visitDefined(Defined e) { return "@defined(" + e.operand().accept(this) + ")"; }
    }

    /** Statements, one per line, indented by block depth. */
    private static final class StmtPrinter implements StmtVisitor<Void> {
        private final StringBuilder sb;
        private int depth;

        StmtPrinter(StringBuilder sb) {
            this.sb = sb;
        }

        void print(Stmt s, int depth) {
            int saved = this.depth;
            this.depth = depth;
            s.accept(this);
            this.depth = saved;
        }

        private void newline(int d) {
            sb.append('\n').append(INDENT.repeat(d));
        }

        @Override public Void visitBlock(Block s) {
            sb.append('{');
            for (Stmt st : s.stmts()) {
                newline(depth + 1);
                print(st, depth + 1);
            }
            newline(depth);
            sb.append('}');
            return null;
        }

        @Override public Void visitEmpty(Empty s) { sb.append(';'); return null; }

        @Override public Void visitExprStmt(ExprStmt s) { sb.append(expr(s.expr())).append(';'); return null; }

        /** A controlled statement: a block on the same line, anything else on its own line, indented. */
        private void body(Stmt s) {
            if (s instanceof Block) {
                sb.append(' ');
                print(s, depth);
            } else {
                newline(depth + 1);
                print(s, depth + 1);
            }
        }

        @Override public Void visitIf(If s) {
            sb.append("if (").append(expr(s.cond())).append(')');
            Stmt then = s.then();
            if (s.otherwise() != null && dangles(then)) {
                // An else here would attach to the inner if: braces keep it on this one.
                then = new Block(then.span(), List.of(then));
            }
            body(then);
            if (s.otherwise() != null) {
                if (then instanceof Block) {
                    sb.append(' ');
                } else {
                    newline(depth);
                }
                sb.append("else");
                if (s.otherwise() instanceof If) {
                    sb.append(' ');
                    print(s.otherwise(), depth);
                } else {
                    body(s.otherwise());
                }
            }
            return null;
        }

        /** Whether the statement ends with an if that has no else. */
        private static boolean dangles(Stmt s) {
            if (s instanceof If i) {
                return i.otherwise() == null || dangles(i.otherwise());
            }
            if (s instanceof While w) {
                return dangles(w.body());
            }
            if (s instanceof For f) {
                return dangles(f.body());
            }
            return s instanceof Foreach f && dangles(f.body());
        }

        @Override public Void visitWhile(While s) {
            sb.append("while (").append(expr(s.cond())).append(')');
            body(s.body());
            return null;
        }

        @Override public Void visitFor(For s) {
            sb.append("for (").append(s.init() == null ? "" : expr(s.init())).append(';')
                    .append(s.cond() == null ? "" : " " + expr(s.cond())).append(';')
                    .append(s.update() == null ? "" : " " + expr(s.update())).append(')');
            body(s.body());
            return null;
        }

        @Override public Void visitForeach(Foreach s) {
            sb.append("foreach (");
            if (s.valueVar() != null) {
                sb.append(s.valueVar()).append(s.valueSort().symbol).append(" = ");
            }
            String keys = join(s.keys(), k -> k.name() + k.sort().symbol);
            sb.append(s.bracketed() || s.keys().size() != 1 ? "[" + keys + "]" : keys);
            sb.append(" in ").append(s.array().name());
            if (s.slice() != null) {
                sb.append('[').append(join(s.slice(), AstPrinter::expr)).append(']');
            }
            if (s.valueVar() == null && s.valueSort() != Sort.NONE) {
                sb.append(s.valueSort().symbol);
            }
            if (s.limit() != null) {
                sb.append(" limit ").append(expr(s.limit()));
            }
            sb.append(')');
            body(s.body());
            return null;
        }

        @Override public Void visitNext(Next s) { sb.append("next;"); return null; }

        @Override public Void visitBreak(Break s) { sb.append("break;"); return null; }

        @Override public Void visitContinue(Continue s) { sb.append("continue;"); return null; }

        @Override public Void visitReturn(Return s) {
            sb.append(s.value() == null ? "return;" : "return " + expr(s.value()) + ";");
            return null;
        }

        @Override public Void visitDelete(Delete s) { sb.append("delete ").append(expr(s.target())).append(';'); return null; }

        @Override public Void visitTry(Try s) {
            sb.append("try ");
            print(s.body(), depth);
            sb.append(" catch ");
            if (s.catchVar() != null) {
                sb.append('(').append(s.catchVar()).append(") ");
            }
            print(s.handler(), depth);
            return null;
        }
    }
}
