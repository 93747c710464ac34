package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Insn;
import io.jstap.compiler.bpf.MapReloc;
import io.jstap.compiler.bpf.Opcodes;
import io.jstap.compiler.bpf.Program;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes instructions no path reaches (code after a {@code next}, a handler no error jumps to, ...):
 * the verifier rejects a program with any ("unreachable insn"). Jump offsets, map relocations and
 * annotations are renumbered.
 */
final class DeadCode {

    private DeadCode() {
    }

    static Program prune(Program p) {
        List<Insn> insns = p.insns();
        int n = insns.size();
        boolean[] live = new boolean[n];
        Deque<Integer> work = new ArrayDeque<>();
        work.push(0);
        while (!work.isEmpty()) {
            int i = work.pop();
            if (i < 0 || i >= n || live[i]) {
                continue;
            }
            live[i] = true;
            Insn in = insns.get(i);
            if (in.isLdImm64()) {
                live[i + 1] = true;
                work.push(i + 2);
                continue;
            }
            int cls = in.cls();
            int op = in.opcode() & 0xf0;
            if (cls == Opcodes.JMP || cls == Opcodes.JMP32) {
                if (op == Opcodes.EXIT) {
                    continue;
                }
                if (op == Opcodes.CALL) {
                    work.push(i + 1);
                    continue;
                }
                work.push(i + 1 + in.off());
                if (op != Opcodes.JA) {
                    work.push(i + 1);
                }
                continue;
            }
            work.push(i + 1);
        }
        int[] newSlot = new int[n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            newSlot[i] = k;
            if (live[i]) {
                k++;
            }
        }
        newSlot[n] = k;
        if (k == n) {
            return p;
        }
        List<Insn> out = new ArrayList<>(k);
        for (int i = 0; i < n; i++) {
            if (!live[i]) {
                continue;
            }
            Insn in = insns.get(i);
            int cls = in.cls();
            int op = in.opcode() & 0xf0;
            boolean jump = (cls == Opcodes.JMP || cls == Opcodes.JMP32) && op != Opcodes.CALL && op != Opcodes.EXIT;
            if (jump) {
                int target = i + 1 + in.off();
                in = in.withOff((short) (newSlot[target] - (newSlot[i] + 1)));
            }
            out.add(in);
        }
        List<MapReloc> relocs = new ArrayList<>();
        for (MapReloc r : p.relocs()) {
            if (live[r.slot()]) {
                relocs.add(new MapReloc(newSlot[r.slot()], r.map(), r.value()));
            }
        }
        Map<Integer, String> notes = new LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : p.annotations().entrySet()) {
            int slot = e.getKey();
            if (slot >= n || live[slot]) {
                notes.merge(newSlot[Math.min(slot, n)], e.getValue(), (a, b) -> a + "\n" + b);
            }
        }
        return new Program(out, relocs, notes);
    }
}
