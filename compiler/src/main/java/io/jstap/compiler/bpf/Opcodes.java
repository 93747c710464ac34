package io.jstap.compiler.bpf;

/** Raw opcode field values from the kernel UAPI ({@code linux/bpf.h}, {@code bpf_common.h}). */
public final class Opcodes {
    private Opcodes() {
    }

    // instruction classes (low 3 bits)
    public static final int LD = 0x00;
    public static final int LDX = 0x01;
    public static final int ST = 0x02;
    public static final int STX = 0x03;
    public static final int ALU = 0x04;
    public static final int JMP = 0x05;
    public static final int JMP32 = 0x06;
    public static final int ALU64 = 0x07;

    // source operand (ALU/JMP); for END the same bit selects big-endian
    public static final int K = 0x00;
    public static final int X = 0x08;
    public static final int TO_LE = 0x00;
    public static final int TO_BE = 0x08;

    // load/store modes
    public static final int MODE_IMM = 0x00;
    public static final int MODE_MEM = 0x60;
    public static final int MODE_ATOMIC = 0xc0;

    // ALU END and JMP ops that are not plain comparisons
    public static final int END = 0xd0;
    public static final int JA = 0x00;
    public static final int CALL = 0x80;
    public static final int EXIT = 0x90;

    /** ld_imm64: LD | IMM | DW, occupies two slots. */
    public static final int LD_IMM64 = LD | MODE_IMM | 0x18;

    // atomic operations carried in imm
    public static final int ATOMIC_ADD = 0x00;
    public static final int ATOMIC_OR = 0x40;
    public static final int ATOMIC_AND = 0x50;
    public static final int ATOMIC_XOR = 0xa0;
    public static final int ATOMIC_FETCH = 0x01;
    public static final int ATOMIC_XCHG = 0xe0 | ATOMIC_FETCH;
    public static final int ATOMIC_CMPXCHG = 0xf0 | ATOMIC_FETCH;

    // src of ld_imm64
    public static final int PSEUDO_MAP_FD = 1;
    public static final int PSEUDO_MAP_VALUE = 2;
    public static final int PSEUDO_BTF_ID = 3;
    public static final int PSEUDO_FUNC = 4;
    public static final int PSEUDO_MAP_IDX = 5;
    public static final int PSEUDO_MAP_IDX_VALUE = 6;

    // src of call
    public static final int PSEUDO_CALL = 1;
    public static final int PSEUDO_KFUNC_CALL = 2;

    public static int cls(int opcode) {
        return opcode & 0x07;
    }
}
