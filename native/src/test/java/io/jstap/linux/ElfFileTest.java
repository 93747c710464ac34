package io.jstap.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks symbol values and file offsets against readelf, for PIE, fixed-address and shared objects. */
class ElfFileTest {

    private static final String SRC = "int jstap_probe_me(int x) { return x * 3 + 1; }\n"
            + "static int jstap_local(int x) { return x - 1; }\n"
            + "int main(int argc, char **argv) { return jstap_probe_me(argc) + jstap_local(argc); }\n";

    @TempDir
    Path dir;

    private Path build(String name, String... flags) throws Exception {
        Path src = dir.resolve("t.c");
        Files.writeString(src, SRC);
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("cc", "-O0", "-fno-inline", "-o", out.toString()));
        cmd.addAll(List.of(flags));
        cmd.add(src.toString());
        Commands.run(cmd);
        return out;
    }

    /** st_value of a symbol, from readelf -sW. */
    private static long readelfValue(Path f, String sym) throws Exception {
        for (String line : Commands.run("readelf", "-sW", f.toString()).split("\n")) {
            String[] t = line.strip().split("\\s+");
            if (t.length >= 8 && t[7].equals(sym)) {
                return Long.parseUnsignedLong(t[1], 16);
            }
        }
        throw new AssertionError(sym + " not in readelf output");
    }

    /** File offset of a virtual address by readelf -lW's LOAD lines. */
    private static long readelfOffset(Path f, long vaddr) throws Exception {
        for (String line : Commands.run("readelf", "-lW", f.toString()).split("\n")) {
            String[] t = line.strip().split("\\s+");
            if (t.length >= 6 && t[0].equals("LOAD")) {
                long off = Long.decode(t[1]);
                long va = Long.decode(t[2]);
                long filesz = Long.decode(t[4]);
                if (vaddr >= va && vaddr < va + filesz) {
                    return vaddr - va + off;
                }
            }
        }
        throw new AssertionError("no LOAD segment holds 0x" + Long.toHexString(vaddr));
    }

    private void check(Path f, int type) throws Exception {
        ElfFile elf = ElfFile.read(f);
        assertEquals(type, elf.type());
        for (String sym : List.of("jstap_probe_me", "main")) {
            ElfSymbol s = elf.function(sym).orElseThrow();
            assertEquals(readelfValue(f, sym), s.value(), sym);
            assertEquals(readelfOffset(f, s.value()), elf.fileOffset(s.value()).getAsLong(), sym);
            assertEquals(ElfSymbol.STT_FUNC, s.type());
        }
        assertTrue(elf.functionNames().contains("jstap_local"), "local functions come from .symtab");
    }

    @Test
    void pieExecutable() throws Exception {
        check(build("pie", "-pie", "-fPIE"), ElfFile.ET_DYN);
    }

    @Test
    void fixedAddressExecutable() throws Exception {
        Path f = build("nopie", "-no-pie");
        check(f, ElfFile.ET_EXEC);
        ElfFile elf = ElfFile.read(f);
        long v = elf.function("main").orElseThrow().value();
        assertTrue(v >= 0x400000, "non-PIE text is linked high");
        assertTrue(elf.fileOffset(v).getAsLong() < v, "so its file offset differs from its address");
    }

    @Test
    void sharedObjectAndStrippedDynsym() throws Exception {
        Path so = build("libt.so", "-shared", "-fPIC");
        check(so, ElfFile.ET_DYN);
        Path stripped = dir.resolve("libs.so");
        Files.copy(so, stripped);
        Commands.run("strip", "--strip-all", stripped.toString());
        ElfFile s = ElfFile.read(stripped);
        assertTrue(s.function("jstap_probe_me").isPresent(), "exported functions survive in .dynsym");
        assertTrue(s.function("jstap_local").isEmpty());
    }

    @Test
    void notElfAndTruncated() throws Exception {
        Path txt = dir.resolve("script");
        Files.writeString(txt, "#!/bin/sh\necho hello world, this is long enough to pass the size check........\n");
        IOException a = assertThrows(IOException.class, () -> ElfFile.read(txt));
        assertEquals(txt + " is not an ELF file", a.getMessage());
        Path f = build("pie", "-pie", "-fPIE");
        Path cut = dir.resolve("cut");
        byte[] all = Files.readAllBytes(f);
        Files.write(cut, java.util.Arrays.copyOf(all, 200));
        IOException b = assertThrows(IOException.class, () -> ElfFile.read(cut));
        assertEquals(cut + " is a truncated or corrupt ELF file", b.getMessage());
    }
}
