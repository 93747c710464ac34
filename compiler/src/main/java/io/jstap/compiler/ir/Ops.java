package io.jstap.compiler.ir;

/** Operator enums of the IR, each with its stap spelling. */
public final class Ops {

    private Ops() {
    }

    /** Long arithmetic and bitwise operators. SHR is arithmetic, USHR ({@code >>>}) logical. */
    public enum BinOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"),
        SHL("<<"), SHR(">>"), USHR(">>>"), AND("&"), OR("|"), XOR("^");

        public final String text;

        BinOp(String text) {
            this.text = text;
        }
    }

    /** Comparisons; both operands are long, or both string (byte-wise, as strcmp). */
    public enum CmpOp {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        public final String text;

        CmpOp(String text) {
            this.text = text;
        }
    }

    /** Unary long operators: negation, bitwise not, logical not. */
    public enum UnOp {
        NEG("-"), BITNOT("~"), NOT("!");

        public final String text;

        UnOp(String text) {
            this.text = text;
        }
    }

    /** Assignment operators. CONCAT ({@code .=}) is the only one on strings besides SET. */
    public enum AssignOp {
        SET("=", null), ADD("+=", BinOp.ADD), SUB("-=", BinOp.SUB), MUL("*=", BinOp.MUL),
        DIV("/=", BinOp.DIV), MOD("%=", BinOp.MOD), SHL("<<=", BinOp.SHL), SHR(">>=", BinOp.SHR),
        AND("&=", BinOp.AND), OR("|=", BinOp.OR), XOR("^=", BinOp.XOR), CONCAT(".=", null);

        public final String text;
        /** The long operator a compound assignment applies, or null for SET and CONCAT. */
        public final BinOp binOp;

        AssignOp(String text, BinOp binOp) {
            this.text = text;
            this.binOp = binOp;
        }
    }

    /** Aggregate extractions of a statistics value. */
    public enum StatsAgg {
        COUNT("@count"), SUM("@sum"), MIN("@min"), MAX("@max"), AVG("@avg"), VARIANCE("@variance");

        public final String text;

        StatsAgg(String text) {
            this.text = text;
        }
    }
}
