package io.jstap.compiler.parse;

import static io.jstap.compiler.parse.Ast.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.ast.AstPrinter;
import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Ops.AssignOp;
import io.jstap.compiler.ast.Ops.BinOp;
import io.jstap.compiler.ast.Ops.UnOp;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per precedence level of stap's parser (parse.cxx, parse_assignment down to parse_dwarf_value):
 * the AST shape, and the printer's minimal parentheses for it.
 */
class PrecedenceTest {
    private final Expr a = id("a");
    private final Expr b = id("b");
    private final Expr c = id("c");
    private final Expr d = id("d");

    private static void check(String text, Expr expected, String printed) {
        Expr e = parse(text);
        assertEquals(expected, e, text);
        assertEquals(printed, AstPrinter.expr(e), "printed form of " + text);
        assertEquals(e, parse(AstPrinter.expr(e)), "reparsed form of " + text);
    }

    @Test
    void assignmentIsRightAssociativeAndLoosest() {
        check("a = b = c", assign(AssignOp.ASSIGN, a, assign(AssignOp.ASSIGN, b, c)), "a = b = c");
        check("a += b || c", assign(AssignOp.ADD, a, bin(BinOp.OR, b, c)), "a += b || c");
        check("a <<< b .= c", assign(AssignOp.STATS_ADD, a, assign(AssignOp.CONCAT, b, c)), "a <<< b .= c");
        // The target is parsed as a ternary, as in stap.
        check("a ? b : c = d", assign(AssignOp.ASSIGN, tern(a, b, c), d), "a ? b : c = d");
    }

    @Test
    void ternaryNestsToTheRightAndTakesAnAssignmentInTheMiddle() {
        check("a ? b : c ? d : a", tern(a, b, tern(c, d, a)), "a ? b : c ? d : a");
        check("a ? b = c : d", tern(a, assign(AssignOp.ASSIGN, b, c), d), "a ? b = c : d");
        check("(a ? b : c) ? d : a", tern(tern(a, b, c), d, a), "(a ? b : c) ? d : a");
        check("a || b ? c : d", tern(bin(BinOp.OR, a, b), c, d), "a || b ? c : d");
    }

    @Test
    void logicalOrBelowLogicalAnd() {
        check("a || b && c", bin(BinOp.OR, a, bin(BinOp.AND, b, c)), "a || b && c");
        check("a || b || c", bin(BinOp.OR, bin(BinOp.OR, a, b), c), "a || b || c");
        check("(a || b) && c", bin(BinOp.AND, bin(BinOp.OR, a, b), c), "(a || b) && c");
    }

    @Test
    void logicalAndBelowBitOr() {
        check("a && b | c", bin(BinOp.AND, a, bin(BinOp.BITOR, b, c)), "a && b | c");
        check("(a && b) | c", bin(BinOp.BITOR, bin(BinOp.AND, a, b), c), "(a && b) | c");
    }

    @Test
    void bitOrBelowBitXorBelowBitAnd() {
        check("a | b ^ c", bin(BinOp.BITOR, a, bin(BinOp.BITXOR, b, c)), "a | b ^ c");
        check("a ^ b & c", bin(BinOp.BITXOR, a, bin(BinOp.BITAND, b, c)), "a ^ b & c");
        check("a & b & c", bin(BinOp.BITAND, bin(BinOp.BITAND, a, b), c), "a & b & c");
        check("a & (b & c)", bin(BinOp.BITAND, a, bin(BinOp.BITAND, b, c)), "a & (b & c)");
    }

    @Test
    void bitAndBelowIn() {
        check("a & b in c", bin(BinOp.BITAND, a, in(c, b)), "a & b in c");
        check("(a & b) in c", in(c, bin(BinOp.BITAND, a, b)), "(a & b) in c");
    }

    @Test
    void inBelowComparisonWithBracketedKeys() {
        check("a < b in c", in(c, bin(BinOp.LT, a, b)), "a < b in c");
        check("[a, b] in c", in(c, a, b), "[a, b] in c");
        check("[a, *] in c", in(c, a, new Expr.Wildcard(S)), "[a, *] in c");
        check("[a + 1] in c", in(c, bin(BinOp.ADD, a, num(1))), "a + 1 in c");
        check("(a in b) == 1", bin(BinOp.EQ, in(b, a), num(1)), "(a in b) == 1");
    }

    @Test
    void comparisonsChainLeftAndSitBelowShift() {
        check("a < b < c", bin(BinOp.LT, bin(BinOp.LT, a, b), c), "a < b < c");
        check("a == b << c", bin(BinOp.EQ, a, bin(BinOp.SHL, b, c)), "a == b << c");
        check("a != (b < c)", bin(BinOp.NE, a, bin(BinOp.LT, b, c)), "a != (b < c)");
        check("a <= b >= c > d", bin(BinOp.GT, bin(BinOp.GE, bin(BinOp.LE, a, b), c), d), "a <= b >= c > d");
    }

    @Test
    void regexMatchTakesAShiftOnTheLeftAndALiteralOnTheRight() {
        check("a . b =~ \"x\"", bin(BinOp.MATCH, bin(BinOp.CONCAT, a, b), str("x")), "a . b =~ \"x\"");
        check("a !~ \"y\" \"z\"", bin(BinOp.NOMATCH, a, str("yz")), "a !~ \"yz\"");
        check("(a =~ \"x\") == 1", bin(BinOp.EQ, bin(BinOp.MATCH, a, str("x")), num(1)), "(a =~ \"x\") == 1");
        check("(a < b) =~ \"x\"", bin(BinOp.MATCH, bin(BinOp.LT, a, b), str("x")), "(a < b) =~ \"x\"");
    }

    @Test
    void shiftBelowConcatenation() {
        check("a << b . c", bin(BinOp.SHL, a, bin(BinOp.CONCAT, b, c)), "a << b . c");
        check("a >> b >> c", bin(BinOp.SHR, bin(BinOp.SHR, a, b), c), "a >> b >> c");
        check("(a << b) . c", bin(BinOp.CONCAT, bin(BinOp.SHL, a, b), c), "(a << b) . c");
    }

    @Test
    void concatenationBelowAdditive() {
        check("a . b + c", bin(BinOp.CONCAT, a, bin(BinOp.ADD, b, c)), "a . b + c");
        check("a . b . c", bin(BinOp.CONCAT, bin(BinOp.CONCAT, a, b), c), "a . b . c");
        check("a . (b . c)", bin(BinOp.CONCAT, a, bin(BinOp.CONCAT, b, c)), "a . (b . c)");
    }

    @Test
    void additiveBelowMultiplicativeAndLeftAssociative() {
        check("a + b * c", bin(BinOp.ADD, a, bin(BinOp.MUL, b, c)), "a + b * c");
        check("a - b - c", bin(BinOp.SUB, bin(BinOp.SUB, a, b), c), "a - b - c");
        check("a - (b - c)", bin(BinOp.SUB, a, bin(BinOp.SUB, b, c)), "a - (b - c)");
        check("a / b % c * d", bin(BinOp.MUL, bin(BinOp.MOD, bin(BinOp.DIV, a, b), c), d), "a / b % c * d");
    }

    @Test
    void multiplicativeBelowUnary() {
        check("-a * b", bin(BinOp.MUL, un(UnOp.NEG, a), b), "-a * b");
        check("a * -b", bin(BinOp.MUL, a, un(UnOp.NEG, b)), "a * -b");
        check("-(a * b)", un(UnOp.NEG, bin(BinOp.MUL, a, b)), "-(a * b)");
        check("- -a", un(UnOp.NEG, un(UnOp.NEG, a)), "- -a");
        check("! ~+a", un(UnOp.NOT, un(UnOp.BITNOT, un(UnOp.PLUS, a))), "! ~+a");
        check("~!-a", un(UnOp.BITNOT, un(UnOp.NOT, un(UnOp.NEG, a))), "~!-a");
        // Unary binds tighter than 'in', as stap's parse_unary sits below parse_array_in.
        check("!a in b", in(b, un(UnOp.NOT, a)), "!a in b");
    }

    @Test
    void unaryBelowIncrementAndDecrement() {
        check("-a++", un(UnOp.NEG, incdec(a, true, false)), "-a++");
        check("--a", incdec(a, false, true), "--a");
        check("- --a", un(UnOp.NEG, incdec(a, false, true)), "- --a");
        check("++a[1]", incdec(index(a, num(1)), true, true), "++a[1]");
        check("a-- - --b", bin(BinOp.SUB, incdec(a, false, false), incdec(b, false, true)), "a-- - --b");
    }

    @Test
    void contextVariablesBindTightest() {
        Expr member = new Expr.TargetVar(S, "$p", List.of(new Expr.Member(S, "x", null),
                new Expr.Member(S, null, num(2))), 0);
        check("&$p->x[2]", un(UnOp.ADDRESS_OF, member), "&$p->x[2]");
        check("$p->x[2]++", incdec(member, true, false), "$p->x[2]++");
        check("-$p->x[2] * 3", bin(BinOp.MUL, un(UnOp.NEG, member), num(3)), "-$p->x[2] * 3");
    }

    @Test
    void callsIndexesAndParenthesesAreAtoms() {
        check("f(a, b + c)[0]".replace("[0]", ""), call("f", a, bin(BinOp.ADD, b, c)), "f(a, b + c)");
        check("(a + b) * (c + d)", bin(BinOp.MUL, bin(BinOp.ADD, a, b), bin(BinOp.ADD, c, d)), "(a + b) * (c + d)");
        check("a[b, c + 1]", index(a, b, bin(BinOp.ADD, c, num(1))), "a[b, c + 1]");
        check("((((a))))", a, "a");
    }
}
