package io.jstap.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * USDT notes: a program whose probes are written with inline assembly (no sys/sdt.h), compared with
 * what readelf -n decodes; and the prelink adjustment on a hand-built note.
 */
class SdtNotesTest {

    @TempDir
    Path dir;

    private Path build(String name, String flag) throws Exception {
        Path src = dir.resolve("usdt_probes.c");
        try (InputStream in = SdtNotesTest.class.getResourceAsStream("usdt_probes.c")) {
            Files.write(src, in.readAllBytes());
        }
        Path out = dir.resolve(name);
        Commands.run("cc", "-O0", flag, "-o", out.toString(), src.toString());
        return out;
    }

    /** readelf -n's stapsdt descriptions as SdtNote values (Base is not kept: no prelink here). */
    private static List<SdtNote> readelf(Path f) throws Exception {
        List<SdtNote> out = new ArrayList<>();
        String provider = null, name = null;
        long pc = 0, sem = 0;
        for (String line : Commands.run("readelf", "-n", f.toString()).split("\n")) {
            String t = line.strip();
            if (t.startsWith("Provider: ")) {
                provider = t.substring(10);
            } else if (t.startsWith("Name: ")) {
                name = t.substring(6);
            } else if (t.startsWith("Location: ")) {
                String[] parts = t.split("[:,]\\s*");
                pc = Long.decode(parts[1]);
                sem = Long.decode(parts[5]);
            } else if (t.startsWith("Arguments:")) {
                out.add(new SdtNote(provider, name, pc, sem, t.substring("Arguments:".length()).strip()));
            }
        }
        return out;
    }

    @Test
    void notesMatchReadelfForPieAndFixedAddressPrograms() throws Exception {
        for (String flag : new String[] {"-pie", "-no-pie"}) {
            Path f = build("usdt" + flag, flag);
            ElfFile elf = ElfFile.read(f);
            List<SdtNote> expected = readelf(f);
            assertEquals(2, expected.size(), flag);
            assertEquals(expected, elf.sdtNotes(), flag);
            String args = elf.sdtNotes().get(0).args();
            assertEquals(true, args.matches("-4@%\\w+ 8@-\\d+\\(%rbp\\) 4@\\$5 -2@%\\w+"), args);
            // the semaphore lives in .probes, which a PT_LOAD maps from the file
            long sem = elf.sdtNotes().get(1).semaphore();
            assertEquals(true, elf.fileOffset(sem).isPresent(), flag);
            assertEquals(true, elf.entry() != 0 && elf.fileOffset(elf.entry()).isPresent(), flag);
        }
    }

    @Test
    void prelinkedBaseShiftsPcAndSemaphore() {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        byte[] strings = "prov\0probe\0-8@%rdi\0".getBytes(StandardCharsets.US_ASCII);
        int descsz = 24 + strings.length;
        b.putInt(8).putInt(descsz).putInt(3).put("stapsdt\0".getBytes(StandardCharsets.US_ASCII));
        b.putLong(0x1000).putLong(0x2000).putLong(0x3000).put(strings);
        while (b.position() % 4 != 0) {
            b.put((byte) 0);
        }
        int size = b.position();
        // a second note of another type is skipped
        b.putInt(4).putInt(0).putInt(1).put("GNU\0".getBytes(StandardCharsets.US_ASCII));
        int total = b.position();
        assertEquals(List.of(new SdtNote("prov", "probe", 0x1100, 0x3100, "-8@%rdi")),
                SdtNotes.parse(b, 0, total, 0x2100));
        assertEquals(List.of(new SdtNote("prov", "probe", 0x1000, 0x3000, "-8@%rdi")),
                SdtNotes.parse(b, 0, size, -1));
        // truncated: the note does not fit, nothing is read
        assertEquals(List.of(), SdtNotes.parse(b, 0, size - 4, -1));
    }
}
