package io.jstap.compiler.bpf;

/** The eleven BPF registers. R10 is the read-only frame pointer. */
public enum Reg {
    R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10;

    /** Register number as encoded in an instruction's dst/src nibble. */
    public int num() {
        return ordinal();
    }

    public static Reg of(int num) {
        if (num < 0 || num > 10) {
            throw new IllegalArgumentException("no BPF register r" + num);
        }
        return values()[num];
    }
}
