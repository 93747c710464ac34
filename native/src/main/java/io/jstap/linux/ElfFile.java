package io.jstap.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The parts of an ELF64 little-endian file a uprobe needs: function symbols from .symtab and .dynsym,
 * the PT_LOAD segments that turn a symbol's virtual address into a file offset, the entry point, and the
 * USDT probe notes of {@code .note.stapsdt}.
 */
public final class ElfFile {

    public static final int ET_EXEC = 2, ET_DYN = 3;
    private static final int PT_LOAD = 1, SHT_SYMTAB = 2, SHT_DYNSYM = 11, SHT_NOTE = 7, SYM_SIZE = 24;

    /** A loadable segment. */
    public record Segment(long offset, long vaddr, long fileSize, long memSize, int flags) {
    }

    private final Path path;
    private final int type;
    private final List<Segment> segments;
    private final Map<String, ElfSymbol> functions;
    private final long entry;
    private final List<SdtNote> sdtNotes;

    private ElfFile(Path path, int type, List<Segment> segments, Map<String, ElfSymbol> functions, long entry,
            List<SdtNote> sdtNotes) {
        this.path = path;
        this.type = type;
        this.segments = segments;
        this.functions = functions;
        this.entry = entry;
        this.sdtNotes = sdtNotes;
    }

    /** Reads the file; an {@link IOException} says why when it is missing or not ELF64 little-endian. */
    public static ElfFile read(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 64) {
                throw new IOException(path + " is not an ELF file (too short)");
            }
            if (size > Integer.MAX_VALUE) {
                throw new IOException(path + " is larger than 2 GiB");
            }
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
            return parse(path, b);
        }
    }

    static ElfFile parse(Path path, ByteBuffer b) throws IOException {
        if (b.getInt(0) != 0x464c457f) {
            throw new IOException(path + " is not an ELF file");
        }
        if (b.get(4) != 2 || b.get(5) != 1) {
            throw new IOException(path + " is not a 64-bit little-endian ELF file");
        }
        try {
            int type = b.getShort(16) & 0xffff;
            List<Segment> segs = new ArrayList<>();
            long phoff = b.getLong(0x20);
            int phentsize = b.getShort(0x36) & 0xffff;
            int phnum = b.getShort(0x38) & 0xffff;
            for (int i = 0; i < phnum; i++) {
                int p = (int) (phoff + (long) i * phentsize);
                if (b.getInt(p) == PT_LOAD) {
                    segs.add(new Segment(b.getLong(p + 8), b.getLong(p + 16), b.getLong(p + 32), b.getLong(p + 40),
                            b.getInt(p + 4)));
                }
            }
            Map<String, ElfSymbol> funcs = new LinkedHashMap<>();
            long shoff = b.getLong(0x28);
            int shentsize = b.getShort(0x3a) & 0xffff;
            int shnum = b.getShort(0x3c) & 0xffff;
            // .symtab first: it has local functions too; .dynsym adds nothing new when both exist.
            for (int want : new int[] {SHT_SYMTAB, SHT_DYNSYM}) {
                for (int i = 0; i < shnum; i++) {
                    int s = (int) (shoff + (long) i * shentsize);
                    if (b.getInt(s + 4) == want) {
                        int link = b.getInt(s + 40);
                        int str = (int) (shoff + (long) link * shentsize);
                        readSymbols(b, b.getLong(s + 24), b.getLong(s + 32), b.getLong(str + 24), b.getLong(str + 32),
                                funcs);
                    }
                }
            }
            List<SdtNote> notes = sdtNotes(b, shoff, shentsize, shnum);
            return new ElfFile(path, type, List.copyOf(segs), Collections.unmodifiableMap(funcs), b.getLong(0x18),
                    List.copyOf(notes));
        } catch (IndexOutOfBoundsException e) {
            throw new IOException(path + " is a truncated or corrupt ELF file");
        }
    }

    /** The .note.stapsdt notes, adjusted by the .stapsdt.base section's address when there is one. */
    private static List<SdtNote> sdtNotes(ByteBuffer b, long shoff, int shentsize, int shnum) {
        int shstrndx = b.getShort(0x3e) & 0xffff;
        if (shnum == 0 || shstrndx >= shnum) {
            return List.of();
        }
        long names = b.getLong((int) (shoff + (long) shstrndx * shentsize) + 24);
        long notesOff = -1, notesSize = 0, base = -1;
        for (int i = 0; i < shnum; i++) {
            int s = (int) (shoff + (long) i * shentsize);
            String name = cString(b, (int) (names + (b.getInt(s) & 0xffffffffL)), b.limit());
            if (name.equals(".note.stapsdt") && b.getInt(s + 4) == SHT_NOTE) {
                notesOff = b.getLong(s + 24);
                notesSize = b.getLong(s + 32);
            } else if (name.equals(".stapsdt.base")) {
                base = b.getLong(s + 16);
            }
        }
        return notesOff < 0 ? List.of() : SdtNotes.parse(b, notesOff, notesSize, base);
    }

    private static void readSymbols(ByteBuffer b, long off, long size, long strOff, long strSize,
            Map<String, ElfSymbol> out) {
        for (long e = off; e + SYM_SIZE <= off + size; e += SYM_SIZE) {
            int p = (int) e;
            int info = b.get(p + 4) & 0xff;
            int stype = info & 0xf;
            int shndx = b.getShort(p + 6) & 0xffff;
            long value = b.getLong(p + 8);
            if ((stype != ElfSymbol.STT_FUNC && stype != ElfSymbol.STT_GNU_IFUNC) || shndx == 0 || value == 0) {
                continue;
            }
            long nameOff = b.getInt(p) & 0xffffffffL;
            if (nameOff >= strSize) {
                continue;
            }
            String name = cString(b, (int) (strOff + nameOff), (int) (strOff + strSize));
            if (!name.isEmpty()) {
                out.putIfAbsent(name, new ElfSymbol(name, value, b.getLong(p + 16), stype, info >> 4));
            }
        }
    }

    private static String cString(ByteBuffer b, int from, int limit) {
        int end = from;
        while (end < limit && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - from];
        b.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public Path path() {
        return path;
    }

    /** e_type: {@link #ET_EXEC} for fixed-address executables, {@link #ET_DYN} for PIE and libraries. */
    public int type() {
        return type;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** Defined FUNC and IFUNC symbols by name (the first definition wins). */
    public Map<String, ElfSymbol> functions() {
        return functions;
    }

    /** e_entry: the virtual address where a newly exec'd image starts (after its interpreter). */
    public long entry() {
        return entry;
    }

    /** The USDT probes of {@code .note.stapsdt}, in file order (a probe used in several places repeats). */
    public List<SdtNote> sdtNotes() {
        return sdtNotes;
    }

    /** Sorted, distinct function names. */
    public List<String> functionNames() {
        Set<String> seen = new HashSet<>(functions.keySet());
        List<String> out = new ArrayList<>(seen);
        Collections.sort(out);
        return out;
    }

    public Optional<ElfSymbol> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** The file offset of a virtual address, through the PT_LOAD segment that maps it. */
    public OptionalLong fileOffset(long vaddr) {
        for (Segment s : segments) {
            if (vaddr >= s.vaddr() && vaddr < s.vaddr() + s.fileSize()) {
                return OptionalLong.of(vaddr - s.vaddr() + s.offset());
            }
        }
        return OptionalLong.empty();
    }
}
