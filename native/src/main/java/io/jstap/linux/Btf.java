package io.jstap.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Just enough of the kernel's BTF ({@code /sys/kernel/btf/vmlinux}) to find where a structure member
 * lives: the type section is walked once to index every type's position, then structures are searched by
 * name, descending into anonymous structs and unions (where {@code mm_struct.exe_file} hides).
 */
public final class Btf {
    public static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");

    private static final int MAGIC = 0xeb9f;
    private static final int STRUCT = 4, UNION = 5, TYPEDEF = 8, VOLATILE = 9, CONST = 10, RESTRICT = 11,
            TYPE_TAG = 18;

    private final ByteBuffer b;
    private final int strStart;
    private final int strLen;
    /** Byte position of each type record; index = type id (0 is void). */
    private final int[] types;
    private final Map<String, List<Integer>> structsByName = new HashMap<>();

    private Btf(ByteBuffer b, int strStart, int strLen, int[] types) {
        this.b = b;
        this.strStart = strStart;
        this.strLen = strLen;
        this.types = types;
        for (int id = 1; id < types.length; id++) {
            int k = kind(id);
            if (k == STRUCT || k == UNION) {
                structsByName.computeIfAbsent(name(id), n -> new ArrayList<>()).add(id);
            }
        }
    }

    /** The running kernel's BTF; an {@link IOException} says why it cannot be read. */
    public static Btf vmlinux() throws IOException {
        return parse(Files.readAllBytes(VMLINUX));
    }

    public static Btf parse(byte[] data) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (data.length < 24 || (b.getShort(0) & 0xffff) != MAGIC) {
            throw new IOException("not BTF data (bad magic)");
        }
        try {
            int hdr = b.getInt(4);
            int typeStart = hdr + b.getInt(8);
            int typeEnd = typeStart + b.getInt(12);
            int strStart = hdr + b.getInt(16);
            int strLen = b.getInt(20);
            List<Integer> pos = new ArrayList<>();
            pos.add(-1); // id 0: void
            int p = typeStart;
            while (p < typeEnd) {
                pos.add(p);
                int info = b.getInt(p + 4);
                p += 12 + extra((info >>> 24) & 0x1f, info & 0xffff);
            }
            return new Btf(b, strStart, strLen, pos.stream().mapToInt(Integer::intValue).toArray());
        } catch (IndexOutOfBoundsException e) {
            throw new IOException("truncated BTF data");
        }
    }

    /** Bytes after the 12-byte common record, by kind. */
    private static int extra(int kind, int vlen) throws IOException {
        switch (kind) {
            case 1: case 14: case 17: return 4; // INT, VAR, DECL_TAG
            case 3: return 12; // ARRAY
            case 4: case 5: case 15: case 19: return 12 * vlen; // STRUCT, UNION, DATASEC, ENUM64
            case 6: case 13: return 8 * vlen; // ENUM, FUNC_PROTO
            case 2: case 7: case 8: case 9: case 10: case 11: case 12: case 16: case 18: return 0;
            default: throw new IOException("unknown BTF kind " + kind);
        }
    }

    private int kind(int id) {
        return (b.getInt(types[id] + 4) >>> 24) & 0x1f;
    }

    private int vlen(int id) {
        return b.getInt(types[id] + 4) & 0xffff;
    }

    private String name(int id) {
        return string(b.getInt(types[id]));
    }

    private String string(int off) {
        int start = strStart + off;
        int end = start;
        while (end < strStart + strLen && b.get(end) != 0) {
            end++;
        }
        return new String(b.array(), start, end - start, StandardCharsets.UTF_8);
    }

    /** The byte offset of {@code member} in {@code struct}, looking into anonymous members; empty if absent. */
    public OptionalInt memberOffset(String struct, String member) {
        for (int id : structsByName.getOrDefault(struct, List.of())) {
            int off = find(id, member, 0);
            if (off >= 0) {
                return OptionalInt.of(off);
            }
        }
        return OptionalInt.empty();
    }

    /** Bit offset of {@code member} below struct/union {@code id} plus {@code base}, or -1. */
    private int find(int id, String member, int depth) {
        if (depth > 8) {
            return -1;
        }
        boolean bitfields = b.getInt(types[id] + 4) < 0; // kind_flag: offsets carry a bitfield size
        for (int i = 0; i < vlen(id); i++) {
            int m = types[id] + 12 + 12 * i;
            int bits = b.getInt(m + 8);
            int bitOffset = bitfields ? bits & 0xffffff : bits;
            String n = string(b.getInt(m));
            if (n.equals(member)) {
                return bitOffset % 8 == 0 ? bitOffset / 8 : -1;
            }
            if (n.isEmpty()) {
                int t = strip(b.getInt(m + 4));
                if (t > 0 && (kind(t) == STRUCT || kind(t) == UNION)) {
                    int inner = find(t, member, depth + 1);
                    if (inner >= 0) {
                        return bitOffset / 8 + inner;
                    }
                }
            }
        }
        return -1;
    }

    /** Follows typedefs and qualifiers to the underlying type id. */
    private int strip(int id) {
        for (int i = 0; i < 16 && id > 0 && id < types.length; i++) {
            int k = kind(id);
            if (k != TYPEDEF && k != VOLATILE && k != CONST && k != RESTRICT && k != TYPE_TAG) {
                return id;
            }
            id = b.getInt(types[id] + 8);
        }
        return id < types.length ? id : 0;
    }
}
