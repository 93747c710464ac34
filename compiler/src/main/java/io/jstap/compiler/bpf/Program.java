package io.jstap.compiler.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * An assembled program: instruction slots (ld_imm64 = two), the map references the loader must patch,
 * and the comment/source-line annotations keyed by the slot they precede.
 */
public record Program(List<Insn> insns, List<MapReloc> relocs, Map<Integer, String> annotations) {

    public Program {
        insns = List.copyOf(insns);
        relocs = List.copyOf(relocs);
        annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
        for (MapReloc r : relocs) {
            if (r.slot() + 1 >= insns.size() || !insns.get(r.slot()).isLdImm64()) {
                throw new IllegalArgumentException("map relocation at slot " + r.slot() + " is not on an ld_imm64");
            }
        }
    }

    /** Decodes a raw little-endian image; it has no relocations or annotations. */
    public static Program fromBytes(byte[] image) {
        if (image.length % Insn.SIZE != 0) {
            throw new IllegalArgumentException("BPF image length " + image.length + " is not a multiple of 8");
        }
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        List<Insn> out = new ArrayList<>(image.length / Insn.SIZE);
        while (b.hasRemaining()) {
            out.add(Insn.decode(b));
        }
        return new Program(out, List.of(), Map.of());
    }

    /** Number of 8-byte slots, as PROG_LOAD's insn_cnt wants it. */
    public int insnCount() {
        return insns.size();
    }

    /** The image with every map fd left 0. */
    public byte[] bytes() {
        return encode(insns);
    }

    /** The image with each relocated slot's imm set to the fd the loader got for its map. */
    public byte[] bytesWithFds(ToIntFunction<MapRef> fdOf) {
        List<Insn> patched = new ArrayList<>(insns);
        for (MapReloc r : relocs) {
            patched.set(r.slot(), patched.get(r.slot()).withImm(fdOf.applyAsInt(r.map())));
        }
        return encode(patched);
    }

    /** The map referenced by the ld_imm64 at {@code slot}, or null. */
    public MapReloc relocAt(int slot) {
        for (MapReloc r : relocs) {
            if (r.slot() == slot) {
                return r;
            }
        }
        return null;
    }

    /**
     * Start slots of the main program and of every subprogram reached by a bpf-to-bpf call or taken as a
     * callback address; BTF func_info needs one record per entry.
     */
    public List<Integer> subprogramStarts() {
        TreeSet<Integer> starts = new TreeSet<>();
        starts.add(0);
        for (int i = 0; i < insns.size(); i++) {
            Insn in = insns.get(i);
            boolean localCall = in.opcode() == (Opcodes.JMP | Opcodes.CALL) && in.src() == Opcodes.PSEUDO_CALL;
            boolean funcAddr = in.isLdImm64() && in.src() == Opcodes.PSEUDO_FUNC;
            if (localCall || funcAddr) {
                starts.add(i + 1 + in.imm());
            }
            if (in.isLdImm64()) {
                i++;
            }
        }
        return List.copyOf(starts);
    }

    private static byte[] encode(List<Insn> list) {
        ByteBuffer b = ByteBuffer.allocate(list.size() * Insn.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (Insn in : list) {
            in.encode(b);
        }
        return b.array();
    }
}
