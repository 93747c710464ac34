package io.jstap.linux;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .note.stapsdt}. Each note is namesz, descsz, type (3), the name "stapsdt" padded to 4,
 * then a descriptor of three 8-byte addresses (probe pc, the {@code _.stapsdt.base} address the linker
 * saw, semaphore) and three NUL-terminated strings: provider, name, arguments. A prelinked file moved
 * {@code .stapsdt.base}, so pc and semaphore shift by its section address minus the recorded base.
 */
final class SdtNotes {
    static final int NT_STAPSDT = 3;

    private SdtNotes() {
    }

    /**
     * The notes of the section at {@code [off, off+size)}; {@code baseAddr} is the .stapsdt.base section's
     * address, or -1 when the file has none (then no adjustment is made).
     */
    static List<SdtNote> parse(ByteBuffer b, long off, long size, long baseAddr) {
        List<SdtNote> out = new ArrayList<>();
        long p = off;
        long end = off + size;
        while (p + 12 <= end) {
            int namesz = b.getInt((int) p);
            int descsz = b.getInt((int) p + 4);
            int type = b.getInt((int) p + 8);
            long name = p + 12;
            long desc = name + align4(namesz);
            long next = desc + align4(descsz);
            if (namesz < 0 || descsz < 0 || next > end) {
                break; // truncated: keep what was whole
            }
            if (type == NT_STAPSDT && namesz == 8 && "stapsdt".equals(cString(b, name, name + namesz))
                    && descsz >= 24) {
                long pc = b.getLong((int) desc);
                long base = b.getLong((int) desc + 8);
                long sem = b.getLong((int) desc + 16);
                if (baseAddr >= 0 && base != 0) {
                    long shift = baseAddr - base;
                    pc += shift;
                    sem = sem == 0 ? 0 : sem + shift;
                }
                long s = desc + 24;
                long dend = desc + descsz;
                String provider = cString(b, s, dend);
                s += provider.getBytes(StandardCharsets.UTF_8).length + 1;
                String probe = cString(b, s, dend);
                s += probe.getBytes(StandardCharsets.UTF_8).length + 1;
                String args = s < dend ? cString(b, s, dend) : "";
                out.add(new SdtNote(provider, probe, pc, sem, args));
            }
            p = next;
        }
        return out;
    }

    private static long align4(long n) {
        return (n + 3) & ~3L;
    }

    private static String cString(ByteBuffer b, long from, long limit) {
        int end = (int) from;
        while (end < limit && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - (int) from];
        b.get((int) from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
