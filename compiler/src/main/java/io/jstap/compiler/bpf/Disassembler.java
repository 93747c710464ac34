package io.jstap.compiler.bpf;

import static io.jstap.compiler.bpf.Opcodes.*;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prints a program one instruction per line in the kernel verifier's style ({@code   3: (b7) r1 = 0}).
 * Jump targets get labels {@code L0}, {@code L1}, … numbered in program order, printed as {@code L0:} lines
 * and after each jump as {@code <L0>}; annotations appear as {@code ; text} lines before their instruction.
 * The second slot of an ld_imm64 gets no line, so slot numbers skip, as in the verifier log.
 */
public final class Disassembler {
    private Disassembler() {
    }

    public static String disassemble(Program program) {
        Map<Integer, String> labels = labels(program);
        InsnFormatter fmt = new InsnFormatter(program, labels);
        int n = program.insnCount();
        String slotFormat = "%" + Math.max(3, Integer.toString(Math.max(0, n - 1)).length()) + "d: (%02x) %s%n";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            prelude(out, program, labels, i);
            Insn in = program.insns().get(i);
            out.append(String.format(slotFormat, i, in.opcode(), fmt.format(i)));
            if (in.isLdImm64()) {
                i++;
            }
        }
        prelude(out, program, labels, n); // trailing annotations
        return out.toString();
    }

    /** Disassembles a raw little-endian image (map references show as {@code map[fd:N]}). */
    public static String disassemble(byte[] image) {
        return disassemble(Program.fromBytes(image));
    }

    private static void prelude(StringBuilder out, Program p, Map<Integer, String> labels, int slot) {
        String label = labels.get(slot);
        if (label != null) {
            out.append(label).append(":\n");
        }
        String note = p.annotations().get(slot);
        if (note != null) {
            for (String line : note.split("\n", -1)) {
                out.append("; ").append(line).append('\n');
            }
        }
    }

    /** Names every slot that a jump, local call or function address targets, in slot order. */
    private static Map<Integer, String> labels(Program p) {
        TreeSet<Integer> targets = new TreeSet<>();
        int n = p.insnCount();
        for (int i = 0; i < n; i++) {
            Insn in = p.insns().get(i);
            Integer delta = branchDelta(in);
            if (delta != null) {
                int t = i + 1 + delta;
                if (t >= 0 && t < n) {
                    targets.add(t);
                }
            }
            if (in.isLdImm64()) {
                i++;
            }
        }
        Map<Integer, String> names = new TreeMap<>();
        for (int t : targets) {
            names.put(t, "L" + names.size());
        }
        return names;
    }

    /** The pc-relative distance an instruction refers to, or null if it has none. */
    private static Integer branchDelta(Insn in) {
        int code = in.opcode() & 0xf0;
        if (in.cls() == JMP) {
            if (code == CALL) {
                return in.src() == PSEUDO_CALL ? in.imm() : null;
            }
            return code == EXIT || (code != JA && JmpOp.fromCode(in.opcode()) == null) ? null : (int) in.off();
        }
        if (in.cls() == JMP32) {
            if (code == JA) {
                return in.imm();
            }
            return JmpOp.fromCode(in.opcode()) == null ? null : (int) in.off();
        }
        if (in.isLdImm64() && in.src() == PSEUDO_FUNC) {
            return in.imm();
        }
        return null;
    }
}
