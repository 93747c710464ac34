package io.jstap.compiler.bpf;

/** ALU operations (high nibble of an ALU/ALU64 opcode) with the kernel disassembler's operator text. */
public enum AluOp {
    ADD(0x00, "+="), SUB(0x10, "-="), MUL(0x20, "*="), DIV(0x30, "/="), OR(0x40, "|="), AND(0x50, "&="),
    LSH(0x60, "<<="), RSH(0x70, ">>="), NEG(0x80, "neg"), MOD(0x90, "%="), XOR(0xa0, "^="), MOV(0xb0, "="),
    ARSH(0xc0, "s>>="), END(0xd0, "endian");

    private final int code;
    private final String symbol;

    AluOp(int code, String symbol) {
        this.code = code;
        this.symbol = symbol;
    }

    public int code() {
        return code;
    }

    public String symbol() {
        return symbol;
    }

    /** The op in an opcode's high nibble, or null for 0xe0/0xf0 which are not ALU ops. */
    public static AluOp fromCode(int opcode) {
        int bits = opcode & 0xf0;
        for (AluOp op : values()) {
            if (op.code == bits) {
                return op;
            }
        }
        return null;
    }
}
