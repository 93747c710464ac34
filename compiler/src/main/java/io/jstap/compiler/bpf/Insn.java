package io.jstap.compiler.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One 8-byte instruction slot: {@code u8 opcode | u4 dst, u4 src | s16 off | s32 imm}.
 * An ld_imm64 is two slots: the first carries opcode 0x18, dst, src and the low imm; the second is
 * all zero except the high imm. {@link Program#insns()} lists both.
 */
public record Insn(int opcode, int dst, int src, short off, int imm) {
    public static final int SIZE = 8;

    public Insn {
        if (opcode < 0 || opcode > 0xff) {
            throw new IllegalArgumentException("opcode out of range: " + opcode);
        }
        if (dst < 0 || dst > 15 || src < 0 || src > 15) {
            throw new IllegalArgumentException("register field out of range: dst " + dst + ", src " + src);
        }
    }

    /** Instruction class, the low three bits of the opcode. */
    public int cls() {
        return opcode & 0x07;
    }

    /** True for the first slot of an ld_imm64. */
    public boolean isLdImm64() {
        return opcode == Opcodes.LD_IMM64;
    }

    /** Writes the 8 bytes at the buffer's position; the buffer must be little-endian. */
    public void encode(ByteBuffer le) {
        if (le.order() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalArgumentException("BPF instructions are encoded little-endian");
        }
        le.put((byte) opcode);
        le.put((byte) ((src << 4) | dst));
        le.putShort(off);
        le.putInt(imm);
    }

    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        encode(b);
        return b.array();
    }

    /** Reads one slot from the buffer's position (little-endian buffer). */
    public static Insn decode(ByteBuffer le) {
        if (le.order() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalArgumentException("BPF instructions are encoded little-endian");
        }
        int opcode = le.get() & 0xff;
        int regs = le.get() & 0xff;
        short off = le.getShort();
        int imm = le.getInt();
        return new Insn(opcode, regs & 0x0f, regs >>> 4, off, imm);
    }

    /** Same instruction with another imm; used to patch map fds and jump targets. */
    public Insn withImm(int newImm) {
        return new Insn(opcode, dst, src, off, newImm);
    }

    public Insn withOff(short newOff) {
        return new Insn(opcode, dst, src, newOff, imm);
    }
}
