package io.jstap.compiler.bpf;

import static io.jstap.compiler.bpf.Opcodes.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Program} one instruction at a time. Jumps name {@link Label}s, which may be bound before or
 * after the jump; offsets are filled in by {@link #build()}. 64-bit ALU and jump methods have plain names
 * ({@code add}, {@code jeq}); their 32-bit forms end in {@code 32} ({@code add32}, {@code jeq32}).
 */
public final class Assembler {
    /** A slot whose off (jump) or imm (local call, function address) needs a label's position. */
    private record Fixup(int slot, Label label, boolean inImm) {
    }

    private final List<Insn> insns = new ArrayList<>();
    private final List<MapReloc> relocs = new ArrayList<>();
    private final List<Fixup> fixups = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final Map<Integer, String> annotations = new LinkedHashMap<>();
    private final List<String> pending = new ArrayList<>();
    private String lastSourceLine;

    // ---- labels and annotations

    public Label newLabel() {
        return newLabel("L" + labels.size());
    }

    /** A label with a name used in error messages. */
    public Label newLabel(String name) {
        Label l = new Label(this, labels.size(), name);
        labels.add(l);
        return l;
    }

    /** Binds the label to the next instruction emitted. */
    public Assembler bind(Label label) {
        own(label);
        if (label.isBound()) {
            throw new AsmException("label " + label + " is bound twice (slots " + label.slot + " and " + slot() + ")");
        }
        label.slot = insns.size();
        return this;
    }

    /** Number of slots emitted so far, i.e. the slot of the next instruction. */
    public int slot() {
        return insns.size();
    }

    /** Attaches a comment to the next instruction. */
    public Assembler comment(String text) {
        pending.add(text);
        return this;
    }

    /** Attaches the source line that produces the following instructions; repeats of the same line are dropped. */
    public Assembler sourceLine(String line) {
        if (!line.equals(lastSourceLine)) {
            pending.add(line);
            lastSourceLine = line;
        }
        return this;
    }

    // ---- raw emission

    /** Emits one slot as given. Prefer the typed methods; this exists for tests and unusual encodings. */
    public Assembler emit(Insn insn) {
        if (!pending.isEmpty()) {
            annotations.merge(insns.size(), String.join("\n", pending), (a, b) -> a + "\n" + b);
            pending.clear();
        }
        insns.add(insn);
        return this;
    }

    private Assembler emit(int opcode, Reg dst, Reg src, int off, int imm) {
        return emit(new Insn(opcode, dst.num(), src.num(), off16(off, "offset"), imm));
    }

    // ---- ALU, generic forms

    /** {@code dst op= imm}, 64-bit when {@code is64}, else 32-bit (upper half of dst zeroed). */
    public Assembler alu(AluOp op, boolean is64, Reg dst, int imm) {
        checkAlu(op);
        return emit(op.code() | K | (is64 ? ALU64 : ALU), dst, Reg.R0, 0, imm);
    }

    /** {@code dst op= src}. */
    public Assembler alu(AluOp op, boolean is64, Reg dst, Reg src) {
        checkAlu(op);
        return emit(op.code() | X | (is64 ? ALU64 : ALU), dst, src, 0, 0);
    }

    private static void checkAlu(AluOp op) {
        if (op == AluOp.NEG || op == AluOp.END) {
            throw new AsmException(op + " takes no source operand; use neg/endian");
        }
    }

    // ---- ALU64
    public Assembler mov(Reg d, int imm) { return alu(AluOp.MOV, true, d, imm); }
    public Assembler mov(Reg d, Reg s) { return alu(AluOp.MOV, true, d, s); }
    public Assembler add(Reg d, int imm) { return alu(AluOp.ADD, true, d, imm); }
    public Assembler add(Reg d, Reg s) { return alu(AluOp.ADD, true, d, s); }
    public Assembler sub(Reg d, int imm) { return alu(AluOp.SUB, true, d, imm); }
    public Assembler sub(Reg d, Reg s) { return alu(AluOp.SUB, true, d, s); }
    public Assembler mul(Reg d, int imm) { return alu(AluOp.MUL, true, d, imm); }
    public Assembler mul(Reg d, Reg s) { return alu(AluOp.MUL, true, d, s); }
    public Assembler div(Reg d, int imm) { return alu(AluOp.DIV, true, d, imm); }
    public Assembler div(Reg d, Reg s) { return alu(AluOp.DIV, true, d, s); }
    public Assembler mod(Reg d, int imm) { return alu(AluOp.MOD, true, d, imm); }
    public Assembler mod(Reg d, Reg s) { return alu(AluOp.MOD, true, d, s); }
    public Assembler or(Reg d, int imm) { return alu(AluOp.OR, true, d, imm); }
    public Assembler or(Reg d, Reg s) { return alu(AluOp.OR, true, d, s); }
    public Assembler and(Reg d, int imm) { return alu(AluOp.AND, true, d, imm); }
    public Assembler and(Reg d, Reg s) { return alu(AluOp.AND, true, d, s); }
    public Assembler xor(Reg d, int imm) { return alu(AluOp.XOR, true, d, imm); }
    public Assembler xor(Reg d, Reg s) { return alu(AluOp.XOR, true, d, s); }
    public Assembler lsh(Reg d, int imm) { return alu(AluOp.LSH, true, d, shift(imm, 64)); }
    public Assembler lsh(Reg d, Reg s) { return alu(AluOp.LSH, true, d, s); }
    public Assembler rsh(Reg d, int imm) { return alu(AluOp.RSH, true, d, shift(imm, 64)); }
    public Assembler rsh(Reg d, Reg s) { return alu(AluOp.RSH, true, d, s); }
    public Assembler arsh(Reg d, int imm) { return alu(AluOp.ARSH, true, d, shift(imm, 64)); }
    public Assembler arsh(Reg d, Reg s) { return alu(AluOp.ARSH, true, d, s); }
    public Assembler neg(Reg d) { return emit(AluOp.NEG.code() | ALU64, d, Reg.R0, 0, 0); }

    // ---- ALU (32-bit)
    public Assembler mov32(Reg d, int imm) { return alu(AluOp.MOV, false, d, imm); }
    public Assembler mov32(Reg d, Reg s) { return alu(AluOp.MOV, false, d, s); }
    public Assembler add32(Reg d, int imm) { return alu(AluOp.ADD, false, d, imm); }
    public Assembler add32(Reg d, Reg s) { return alu(AluOp.ADD, false, d, s); }
    public Assembler sub32(Reg d, int imm) { return alu(AluOp.SUB, false, d, imm); }
    public Assembler sub32(Reg d, Reg s) { return alu(AluOp.SUB, false, d, s); }
    public Assembler mul32(Reg d, int imm) { return alu(AluOp.MUL, false, d, imm); }
    public Assembler mul32(Reg d, Reg s) { return alu(AluOp.MUL, false, d, s); }
    public Assembler div32(Reg d, int imm) { return alu(AluOp.DIV, false, d, imm); }
    public Assembler div32(Reg d, Reg s) { return alu(AluOp.DIV, false, d, s); }
    public Assembler mod32(Reg d, int imm) { return alu(AluOp.MOD, false, d, imm); }
    public Assembler mod32(Reg d, Reg s) { return alu(AluOp.MOD, false, d, s); }
    public Assembler or32(Reg d, int imm) { return alu(AluOp.OR, false, d, imm); }
    public Assembler or32(Reg d, Reg s) { return alu(AluOp.OR, false, d, s); }
    public Assembler and32(Reg d, int imm) { return alu(AluOp.AND, false, d, imm); }
    public Assembler and32(Reg d, Reg s) { return alu(AluOp.AND, false, d, s); }
    public Assembler xor32(Reg d, int imm) { return alu(AluOp.XOR, false, d, imm); }
    public Assembler xor32(Reg d, Reg s) { return alu(AluOp.XOR, false, d, s); }
    public Assembler lsh32(Reg d, int imm) { return alu(AluOp.LSH, false, d, shift(imm, 32)); }
    public Assembler lsh32(Reg d, Reg s) { return alu(AluOp.LSH, false, d, s); }
    public Assembler rsh32(Reg d, int imm) { return alu(AluOp.RSH, false, d, shift(imm, 32)); }
    public Assembler rsh32(Reg d, Reg s) { return alu(AluOp.RSH, false, d, s); }
    public Assembler arsh32(Reg d, int imm) { return alu(AluOp.ARSH, false, d, shift(imm, 32)); }
    public Assembler arsh32(Reg d, Reg s) { return alu(AluOp.ARSH, false, d, s); }
    public Assembler neg32(Reg d) { return emit(AluOp.NEG.code() | ALU, d, Reg.R0, 0, 0); }

    /** Byte swap of the low {@code bits} (16, 32, 64) to big- or little-endian, zero-extending the rest. */
    public Assembler endian(Reg d, boolean bigEndian, int bits) {
        if (bits != 16 && bits != 32 && bits != 64) {
            throw new AsmException("endian conversion width must be 16, 32 or 64, not " + bits);
        }
        return emit(END | (bigEndian ? TO_BE : TO_LE) | ALU, d, Reg.R0, 0, bits);
    }

    // the verifier rejects constant shifts of the operand width or more; catch it here with a clear message
    private static int shift(int amount, int width) {
        if (amount < 0 || amount >= width) {
            throw new AsmException("shift by " + amount + " is outside 0.." + (width - 1));
        }
        return amount;
    }

    // ---- memory

    /** {@code dst = *(size *)(src + off)}, zero-extended. */
    public Assembler ldx(Size size, Reg dst, Reg src, int off) {
        return emit(MODE_MEM | size.code() | LDX, dst, src, off, 0);
    }

    /** {@code *(size *)(dst + off) = src}. */
    public Assembler stx(Size size, Reg dst, int off, Reg src) {
        return emit(MODE_MEM | size.code() | STX, dst, src, off, 0);
    }

    /** {@code *(size *)(dst + off) = imm}; for DW the imm is sign-extended. */
    public Assembler st(Size size, Reg dst, int off, int imm) {
        return emit(MODE_MEM | size.code() | ST, dst, Reg.R0, off, imm);
    }

    /** {@code lock *(size *)(dst + off) += src}; with {@code fetch}, src receives the old value. */
    public Assembler atomicAdd(Size size, Reg dst, int off, Reg src, boolean fetch) {
        return atomic(size, dst, off, src, ATOMIC_ADD | (fetch ? ATOMIC_FETCH : 0));
    }

    public Assembler atomicOr(Size size, Reg dst, int off, Reg src, boolean fetch) {
        return atomic(size, dst, off, src, ATOMIC_OR | (fetch ? ATOMIC_FETCH : 0));
    }

    public Assembler atomicAnd(Size size, Reg dst, int off, Reg src, boolean fetch) {
        return atomic(size, dst, off, src, ATOMIC_AND | (fetch ? ATOMIC_FETCH : 0));
    }

    public Assembler atomicXor(Size size, Reg dst, int off, Reg src, boolean fetch) {
        return atomic(size, dst, off, src, ATOMIC_XOR | (fetch ? ATOMIC_FETCH : 0));
    }

    /** {@code src = xchg(dst + off, src)}. */
    public Assembler atomicXchg(Size size, Reg dst, int off, Reg src) {
        return atomic(size, dst, off, src, ATOMIC_XCHG);
    }

    /** {@code r0 = cmpxchg(dst + off, r0, src)}: stores src if the memory equals r0; r0 gets the old value. */
    public Assembler atomicCmpxchg(Size size, Reg dst, int off, Reg src) {
        return atomic(size, dst, off, src, ATOMIC_CMPXCHG);
    }

    private Assembler atomic(Size size, Reg dst, int off, Reg src, int op) {
        if (size != Size.W && size != Size.DW) {
            throw new AsmException("atomic operations are 32 or 64 bits wide, not " + size.cType());
        }
        return emit(MODE_ATOMIC | size.code() | STX, dst, src, off, op);
    }

    // ---- 64-bit immediates (two slots)

    public Assembler ldImm64(Reg dst, long value) {
        return ldImm64(dst, 0, (int) value, (int) (value >>> 32));
    }

    /** {@code dst = &map}; the loader writes the map's fd into this slot. */
    public Assembler ldMapFd(Reg dst, MapRef map) {
        relocs.add(new MapReloc(slot(), map, false));
        return ldImm64(dst, PSEUDO_MAP_FD, 0, 0);
    }

    /** {@code dst = &map value[0] + offset} (ARRAY maps); the loader writes the map's fd into this slot. */
    public Assembler ldMapValue(Reg dst, MapRef map, int offset) {
        relocs.add(new MapReloc(slot(), map, true));
        return ldImm64(dst, PSEUDO_MAP_VALUE, 0, offset);
    }

    /** {@code dst = &subprogram} for callbacks (bpf_loop, for_each_map_elem); needs BTF func_info at load. */
    public Assembler ldFuncAddr(Reg dst, Label subprogram) {
        fixups.add(new Fixup(slot(), own(subprogram), true));
        return ldImm64(dst, PSEUDO_FUNC, 0, 0);
    }

    private Assembler ldImm64(Reg dst, int pseudo, int lo, int hi) {
        emit(new Insn(LD_IMM64, dst.num(), pseudo, (short) 0, lo));
        return emit(new Insn(0, 0, 0, (short) 0, hi));
    }

    // ---- jumps and calls

    /** {@code if dst op imm goto target}; JMP32 compares the low 32 bits when {@code !is64}. */
    public Assembler jmp(JmpOp op, boolean is64, Reg dst, int imm, Label target) {
        fixups.add(new Fixup(slot(), own(target), false));
        return emit(op.code() | K | (is64 ? JMP : JMP32), dst, Reg.R0, 0, imm);
    }

    /** {@code if dst op src goto target}. */
    public Assembler jmp(JmpOp op, boolean is64, Reg dst, Reg src, Label target) {
        fixups.add(new Fixup(slot(), own(target), false));
        return emit(op.code() | X | (is64 ? JMP : JMP32), dst, src, 0, 0);
    }

    public Assembler jeq(Reg d, int imm, Label t) { return jmp(JmpOp.JEQ, true, d, imm, t); }
    public Assembler jeq(Reg d, Reg s, Label t) { return jmp(JmpOp.JEQ, true, d, s, t); }
    public Assembler jne(Reg d, int imm, Label t) { return jmp(JmpOp.JNE, true, d, imm, t); }
    public Assembler jne(Reg d, Reg s, Label t) { return jmp(JmpOp.JNE, true, d, s, t); }
    public Assembler jgt(Reg d, int imm, Label t) { return jmp(JmpOp.JGT, true, d, imm, t); }
    public Assembler jgt(Reg d, Reg s, Label t) { return jmp(JmpOp.JGT, true, d, s, t); }
    public Assembler jge(Reg d, int imm, Label t) { return jmp(JmpOp.JGE, true, d, imm, t); }
    public Assembler jge(Reg d, Reg s, Label t) { return jmp(JmpOp.JGE, true, d, s, t); }
    public Assembler jlt(Reg d, int imm, Label t) { return jmp(JmpOp.JLT, true, d, imm, t); }
    public Assembler jlt(Reg d, Reg s, Label t) { return jmp(JmpOp.JLT, true, d, s, t); }
    public Assembler jle(Reg d, int imm, Label t) { return jmp(JmpOp.JLE, true, d, imm, t); }
    public Assembler jle(Reg d, Reg s, Label t) { return jmp(JmpOp.JLE, true, d, s, t); }
    public Assembler jsgt(Reg d, int imm, Label t) { return jmp(JmpOp.JSGT, true, d, imm, t); }
    public Assembler jsgt(Reg d, Reg s, Label t) { return jmp(JmpOp.JSGT, true, d, s, t); }
    public Assembler jsge(Reg d, int imm, Label t) { return jmp(JmpOp.JSGE, true, d, imm, t); }
    public Assembler jsge(Reg d, Reg s, Label t) { return jmp(JmpOp.JSGE, true, d, s, t); }
    public Assembler jslt(Reg d, int imm, Label t) { return jmp(JmpOp.JSLT, true, d, imm, t); }
    public Assembler jslt(Reg d, Reg s, Label t) { return jmp(JmpOp.JSLT, true, d, s, t); }
    public Assembler jsle(Reg d, int imm, Label t) { return jmp(JmpOp.JSLE, true, d, imm, t); }
    public Assembler jsle(Reg d, Reg s, Label t) { return jmp(JmpOp.JSLE, true, d, s, t); }
    public Assembler jset(Reg d, int imm, Label t) { return jmp(JmpOp.JSET, true, d, imm, t); }
    public Assembler jset(Reg d, Reg s, Label t) { return jmp(JmpOp.JSET, true, d, s, t); }

    public Assembler jeq32(Reg d, int imm, Label t) { return jmp(JmpOp.JEQ, false, d, imm, t); }
    public Assembler jeq32(Reg d, Reg s, Label t) { return jmp(JmpOp.JEQ, false, d, s, t); }
    public Assembler jne32(Reg d, int imm, Label t) { return jmp(JmpOp.JNE, false, d, imm, t); }
    public Assembler jne32(Reg d, Reg s, Label t) { return jmp(JmpOp.JNE, false, d, s, t); }
    public Assembler jgt32(Reg d, int imm, Label t) { return jmp(JmpOp.JGT, false, d, imm, t); }
    public Assembler jgt32(Reg d, Reg s, Label t) { return jmp(JmpOp.JGT, false, d, s, t); }
    public Assembler jge32(Reg d, int imm, Label t) { return jmp(JmpOp.JGE, false, d, imm, t); }
    public Assembler jge32(Reg d, Reg s, Label t) { return jmp(JmpOp.JGE, false, d, s, t); }
    public Assembler jlt32(Reg d, int imm, Label t) { return jmp(JmpOp.JLT, false, d, imm, t); }
    public Assembler jlt32(Reg d, Reg s, Label t) { return jmp(JmpOp.JLT, false, d, s, t); }
    public Assembler jle32(Reg d, int imm, Label t) { return jmp(JmpOp.JLE, false, d, imm, t); }
    public Assembler jle32(Reg d, Reg s, Label t) { return jmp(JmpOp.JLE, false, d, s, t); }
    public Assembler jsgt32(Reg d, int imm, Label t) { return jmp(JmpOp.JSGT, false, d, imm, t); }
    public Assembler jsgt32(Reg d, Reg s, Label t) { return jmp(JmpOp.JSGT, false, d, s, t); }
    public Assembler jsge32(Reg d, int imm, Label t) { return jmp(JmpOp.JSGE, false, d, imm, t); }
    public Assembler jsge32(Reg d, Reg s, Label t) { return jmp(JmpOp.JSGE, false, d, s, t); }
    public Assembler jslt32(Reg d, int imm, Label t) { return jmp(JmpOp.JSLT, false, d, imm, t); }
    public Assembler jslt32(Reg d, Reg s, Label t) { return jmp(JmpOp.JSLT, false, d, s, t); }
    public Assembler jsle32(Reg d, int imm, Label t) { return jmp(JmpOp.JSLE, false, d, imm, t); }
    public Assembler jsle32(Reg d, Reg s, Label t) { return jmp(JmpOp.JSLE, false, d, s, t); }
    public Assembler jset32(Reg d, int imm, Label t) { return jmp(JmpOp.JSET, false, d, imm, t); }
    public Assembler jset32(Reg d, Reg s, Label t) { return jmp(JmpOp.JSET, false, d, s, t); }

    /** Unconditional jump. */
    public Assembler ja(Label target) {
        fixups.add(new Fixup(slot(), own(target), false));
        return emit(JA | JMP, Reg.R0, Reg.R0, 0, 0);
    }

    public Assembler call(Helper helper) {
        return callHelperId(helper.id());
    }

    /** A helper call by raw id, for helpers not listed in {@link Helper}. */
    public Assembler callHelperId(int id) {
        return emit(CALL | JMP, Reg.R0, Reg.R0, 0, id);
    }

    /** bpf-to-bpf call (src = 1) to the subprogram starting at the label. */
    public Assembler callLocal(Label subprogram) {
        fixups.add(new Fixup(slot(), own(subprogram), true));
        return emit(CALL | JMP, Reg.R0, Reg.of(PSEUDO_CALL), 0, 0);
    }

    public Assembler exit() {
        return emit(EXIT | JMP, Reg.R0, Reg.R0, 0, 0);
    }

    // ---- finishing

    /**
     * Resolves every label reference and returns the program. The assembler is left unchanged, so more code may
     * be added and built again.
     *
     * @throws AsmException for an unbound label, a label past the last instruction, or a jump beyond 16 bits
     */
    public Program build() {
        List<Insn> out = new ArrayList<>(insns);
        for (Fixup f : fixups) {
            Label l = f.label();
            if (!l.isBound()) {
                throw new AsmException("label " + l + " is used at slot " + f.slot() + " but never bound");
            }
            if (l.slot >= insns.size()) {
                throw new AsmException("label " + l + " (used at slot " + f.slot() + ") is bound after the last instruction");
            }
            int delta = l.slot - (f.slot() + 1);
            Insn in = out.get(f.slot());
            if (f.inImm()) {
                out.set(f.slot(), in.withImm(delta));
            } else {
                if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                    throw new AsmException("jump from slot " + f.slot() + " to label " + l + " at slot " + l.slot
                            + " needs offset " + delta + ", beyond the 16-bit range -32768..32767");
                }
                out.set(f.slot(), in.withOff((short) delta));
            }
        }
        Map<Integer, String> notes = new LinkedHashMap<>(annotations);
        if (!pending.isEmpty()) {
            notes.merge(insns.size(), String.join("\n", pending), (a, b) -> a + "\n" + b);
        }
        return new Program(out, relocs, notes);
    }

    private Label own(Label l) {
        if (l.owner != this) {
            throw new AsmException("label " + l + " belongs to another assembler");
        }
        return l;
    }

    private static short off16(int off, String what) {
        if (off < Short.MIN_VALUE || off > Short.MAX_VALUE) {
            throw new AsmException(what + " " + off + " does not fit the instruction's 16-bit field");
        }
        return (short) off;
    }
}
