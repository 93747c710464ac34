package io.jstap.compiler.bpf;

/** Access width of a load, store or atomic, with its opcode size bits. */
public enum Size {
    B(0x10, 1), H(0x08, 2), W(0x00, 4), DW(0x18, 8);

    private final int code;
    private final int bytes;

    Size(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** The size bits (0x18 mask) of a load/store opcode. */
    public int code() {
        return code;
    }

    public int bytes() {
        return bytes;
    }

    /** The C type name the kernel's disassembler prints, e.g. {@code u32}. */
    public String cType() {
        return "u" + (bytes * 8);
    }

    public static Size fromCode(int opcode) {
        int bits = opcode & 0x18;
        for (Size s : values()) {
            if (s.code == bits) {
                return s;
            }
        }
        throw new AssertionError(bits); // all four 2-bit values are covered
    }

    /** The size holding exactly {@code n} bytes (1, 2, 4, 8). */
    public static Size ofBytes(int n) {
        for (Size s : values()) {
            if (s.bytes == n) {
                return s;
            }
        }
        throw new IllegalArgumentException("no BPF access size of " + n + " bytes");
    }
}
