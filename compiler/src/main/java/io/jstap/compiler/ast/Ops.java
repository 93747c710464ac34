package io.jstap.compiler.ast;

/** Operator enums shared by the AST, the printer and later passes. */
public final class Ops {
    private Ops() {
    }

    /** Binary operators, with stap's spelling. */
    public enum BinOp {
        MUL("*"), DIV("/"), MOD("%"), ADD("+"), SUB("-"), CONCAT("."), SHL("<<"), SHR(">>"),
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="), MATCH("=~"), NOMATCH("!~"),
        BITAND("&"), BITXOR("^"), BITOR("|"), AND("&&"), OR("||");

        public final String symbol;

        BinOp(String symbol) {
            this.symbol = symbol;
        }

        public boolean isComparison() {
            return this == LT || this == LE || this == GT || this == GE || this == EQ || this == NE;
        }
    }

    /** Prefix operators. {@code ADDRESS_OF} is {@code &$var->field}. */
    public enum UnOp {
        NEG("-"), PLUS("+"), NOT("!"), BITNOT("~"), ADDRESS_OF("&");

        public final String symbol;

        UnOp(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Assignment operators, including {@code .=} and the statistics operator {@code <<<}. */
    public enum AssignOp {
        ASSIGN("=", null), ADD("+=", BinOp.ADD), SUB("-=", BinOp.SUB), MUL("*=", BinOp.MUL),
        DIV("/=", BinOp.DIV), MOD("%=", BinOp.MOD), SHL("<<=", BinOp.SHL), SHR(">>=", BinOp.SHR),
        AND("&=", BinOp.BITAND), XOR("^=", BinOp.BITXOR), OR("|=", BinOp.BITOR), CONCAT(".=", BinOp.CONCAT),
        STATS_ADD("<<<", null);

        public final String symbol;
        /** The binary operation a compound assignment performs, or null. */
        public final BinOp binary;

        AssignOp(String symbol, BinOp binary) {
            this.symbol = symbol;
            this.binary = binary;
        }
    }

    /** Statistics extractors {@code @count(s)} ... {@code @variance(s)}. */
    public enum StatsFn {
        COUNT("@count"), SUM("@sum"), MIN("@min"), MAX("@max"), AVG("@avg"), VARIANCE("@variance");

        public final String symbol;

        StatsFn(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Histogram kinds. */
    public enum HistKind {
        LOG("@hist_log"), LINEAR("@hist_linear");

        public final String symbol;

        HistKind(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Sort markers of foreach keys and values. */
    public enum Sort {
        NONE(""), ASC("+"), DESC("-");

        public final String symbol;

        Sort(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Declared types of function returns and parameters. */
    public enum TypeName {
        LONG("long"), STRING("string");

        public final String symbol;

        TypeName(String symbol) {
            this.symbol = symbol;
        }
    }
}
