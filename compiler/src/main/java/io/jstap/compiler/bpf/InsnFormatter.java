package io.jstap.compiler.bpf;

import static io.jstap.compiler.bpf.Opcodes.*;

import java.util.Map;

/**
 * Renders one instruction the way the kernel verifier log does ({@code kernel/bpf/disasm.c}), with jump targets
 * tagged by label names and ld_imm64 map references by map name.
 */
final class InsnFormatter {
    private final Program program;
    private final Map<Integer, String> labelAt;

    InsnFormatter(Program program, Map<Integer, String> labelAt) {
        this.program = program;
        this.labelAt = labelAt;
    }

    /** Text of the instruction at {@code slot}, without the slot number and opcode prefix. */
    String format(int slot) {
        Insn in = program.insns().get(slot);
        switch (in.cls()) {
            case ALU:
            case ALU64:
                return alu(in);
            case JMP:
            case JMP32:
                return jmp(in, slot);
            case LDX:
                return ldx(in);
            case ST:
                return st(in);
            case STX:
                return stx(in);
            case LD:
                return ld(in, slot);
            default:
                throw new AssertionError(in.cls());
        }
    }

    private static String unknown(Insn in) {
        StringBuilder sb = new StringBuilder("unknown instruction");
        for (byte b : in.bytes()) {
            sb.append(String.format(" %02x", b & 0xff));
        }
        return sb.toString();
    }

    private static String mem(Size size, int reg, short off) {
        return String.format("*(%s *)(r%d %+d)", size.cType(), reg, off);
    }

    private String alu(Insn in) {
        boolean is64 = in.cls() == ALU64;
        String d = (is64 ? "r" : "w") + in.dst();
        String s = (is64 ? "r" : "w") + in.src();
        AluOp op = AluOp.fromCode(in.opcode());
        boolean x = (in.opcode() & X) != 0;
        if (op == null) {
            return unknown(in);
        }
        switch (op) {
            case NEG:
                return d + " = -" + d;
            case END:
                // the kernel prints byte swaps on r registers although the class is ALU
                String r = "r" + in.dst();
                if (is64) { // cpu v4 unconditional byte swap
                    return r + " = bswap" + in.imm() + " " + r;
                }
                return r + " = " + (x ? "be" : "le") + in.imm() + " " + r;
            case MOV:
                if (x && in.off() != 0) { // cpu v4 sign-extending move
                    return d + " = (s" + in.off() + ")" + s;
                }
                return d + " = " + (x ? s : Integer.toString(in.imm()));
            default:
                String sym = op.symbol();
                if ((op == AluOp.DIV || op == AluOp.MOD) && in.off() == 1) { // cpu v4 signed forms
                    sym = "s" + sym;
                }
                return d + " " + sym + " " + (x ? s : Integer.toString(in.imm()));
        }
    }

    private String target(int slot, int delta) {
        int t = slot + 1 + delta;
        String label = labelAt.get(t);
        return String.format("pc%+d", delta) + (label != null ? " <" + label + ">" : " <out of range>");
    }

    private String jmp(Insn in, int slot) {
        boolean is64 = in.cls() == JMP;
        int code = in.opcode() & 0xf0;
        if (code == JA) {
            return is64 ? "goto " + target(slot, in.off()) : "gotol " + target(slot, in.imm());
        }
        if (code == CALL && is64) {
            if (in.src() == PSEUDO_CALL) {
                return "call " + target(slot, in.imm());
            }
            if (in.src() == PSEUDO_KFUNC_CALL) {
                return "call kfunc#" + in.imm();
            }
            String name = Helper.byId(in.imm()).map(Helper::kernelName).orElse("unknown");
            return "call " + name + "#" + in.imm();
        }
        if (code == EXIT && is64) {
            return "exit";
        }
        JmpOp op = JmpOp.fromCode(in.opcode());
        if (op == null) {
            return unknown(in);
        }
        String p = is64 ? "r" : "w";
        String rhs = (in.opcode() & X) != 0 ? p + in.src() : "0x" + Integer.toHexString(in.imm());
        return "if " + p + in.dst() + " " + op.symbol() + " " + rhs + " goto " + target(slot, in.off());
    }

    private static String ldx(Insn in) {
        int mode = in.opcode() & 0xe0;
        Size size = Size.fromCode(in.opcode());
        if (mode == MODE_MEM) {
            return "r" + in.dst() + " = " + mem(size, in.src(), in.off());
        }
        if (mode == 0x80 && size != Size.DW) { // cpu v4 sign-extending load
            return "r" + in.dst() + " = " + mem(size, in.src(), in.off()).replace("*(u", "*(s");
        }
        return unknown(in);
    }

    private static String st(Insn in) {
        if ((in.opcode() & 0xe0) != MODE_MEM) {
            return unknown(in);
        }
        return mem(Size.fromCode(in.opcode()), in.dst(), in.off()) + " = " + in.imm();
    }

    private static String stx(Insn in) {
        int mode = in.opcode() & 0xe0;
        Size size = Size.fromCode(in.opcode());
        if (mode == MODE_MEM) {
            return mem(size, in.dst(), in.off()) + " = r" + in.src();
        }
        if (mode != MODE_ATOMIC || (size != Size.W && size != Size.DW)) {
            return unknown(in);
        }
        String width = size == Size.DW ? "64" : "";
        String ptr = String.format("(%s *)(r%d %+d)", size.cType(), in.dst(), in.off());
        switch (in.imm()) {
            case ATOMIC_XCHG:
                return "r" + in.src() + " = atomic" + width + "_xchg(" + ptr + ", r" + in.src() + ")";
            case ATOMIC_CMPXCHG:
                return "r0 = atomic" + width + "_cmpxchg(" + ptr + ", r0, r" + in.src() + ")";
            default:
                break;
        }
        AluOp op = AluOp.fromCode(in.imm());
        boolean known = (in.imm() & ~0xf1) == 0
                && (op == AluOp.ADD || op == AluOp.OR || op == AluOp.AND || op == AluOp.XOR);
        if (!known) {
            return unknown(in);
        }
        if ((in.imm() & ATOMIC_FETCH) != 0) {
            return "r" + in.src() + " = atomic" + width + "_fetch_" + op.name().toLowerCase(java.util.Locale.ROOT)
                    + "(" + ptr + ", r" + in.src() + ")";
        }
        return "lock " + mem(size, in.dst(), in.off()) + " " + op.symbol() + " r" + in.src();
    }

    private String ld(Insn in, int slot) {
        if (!in.isLdImm64()) {
            return unknown(in);
        }
        if (slot + 1 >= program.insnCount()) {
            return "ld_imm64 without its second slot";
        }
        int hi = program.insns().get(slot + 1).imm();
        String d = "r" + in.dst() + " = ";
        MapReloc reloc = program.relocAt(slot);
        String map = reloc != null ? reloc.map().name() : "fd:" + in.imm();
        switch (in.src()) {
            case 0:
                long v = ((long) hi << 32) | (in.imm() & 0xffffffffL);
                return d + "0x" + Long.toHexString(v) + " ll";
            case PSEUDO_MAP_FD:
                return d + "map[" + map + "] ll";
            case PSEUDO_MAP_VALUE:
                return d + "map[" + map + "][0]+" + hi + " ll";
            case PSEUDO_BTF_ID:
                return d + "btf_id[" + in.imm() + "] ll";
            case PSEUDO_FUNC:
                return d + "func " + target(slot, in.imm());
            case PSEUDO_MAP_IDX:
                return d + "map[idx:" + in.imm() + "] ll";
            case PSEUDO_MAP_IDX_VALUE:
                return d + "map[idx:" + in.imm() + "][0]+" + hi + " ll";
            default:
                return unknown(in);
        }
    }
}
