package io.jstap.compiler.bpf;

/** Conditional jump operations (high nibble of a JMP/JMP32 opcode) with their operator text. */
public enum JmpOp {
    JEQ(0x10, "=="), JGT(0x20, ">"), JGE(0x30, ">="), JSET(0x40, "&"), JNE(0x50, "!="), JSGT(0x60, "s>"),
    JSGE(0x70, "s>="), JLT(0xa0, "<"), JLE(0xb0, "<="), JSLT(0xc0, "s<"), JSLE(0xd0, "s<=");

    private final int code;
    private final String symbol;

    JmpOp(int code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    public int code() {
        return code;
    }

    public String symbol() {
        return symbol;
    }

    /** The comparison in an opcode's high nibble, or null for JA, CALL, EXIT and unused values. */
    public static JmpOp fromCode(int opcode) {
        int bits = opcode & 0xf0;
        for (JmpOp op : values()) {
            if (op.code == bits) {
                return op;
            }
        }
        return null;
    }
}
