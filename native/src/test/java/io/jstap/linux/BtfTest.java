package io.jstap.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Member offsets from the running kernel's BTF against the C compiler's offsetof over the header bpftool
 * generates from the same BTF (members inside anonymous structs and unions included).
 */
class BtfTest {

    private static final String[][] MEMBERS = {
        {"task_struct", "pid"}, {"task_struct", "tgid"}, {"task_struct", "real_parent"}, {"task_struct", "mm"},
        {"task_struct", "comm"}, {"mm_struct", "exe_file"}, {"file", "f_inode"}, {"inode", "i_ino"},
        {"inode", "i_sb"}, {"super_block", "s_dev"}, {"cred", "euid"}};

    @TempDir
    Path dir;

    @Test
    void offsetsMatchOffsetofOverTheGeneratedHeader() throws Exception {
        // Neither is optional: the kernels we support publish BTF, and scripts/test installs bpftool.
        assertTrue(Files.isReadable(Btf.VMLINUX), "this kernel publishes no BTF at " + Btf.VMLINUX);
        Path bpftool = Path.of("/usr/sbin/bpftool");
        assertTrue(Files.isExecutable(bpftool), "bpftool is needed for the reference header (scripts/test installs it)");
        Path header = dir.resolve("vmlinux.h");
        Files.writeString(header, Commands.run(List.of(bpftool.toString(), "btf", "dump", "file", Btf.VMLINUX.toString(),
                "format", "c")));
        StringBuilder c = new StringBuilder("#include \"vmlinux.h\"\nint printf(const char *, ...);\nint main(void) {\n");
        for (String[] m : MEMBERS) {
            c.append("  printf(\"%lu\\n\", (unsigned long) __builtin_offsetof(struct ").append(m[0]).append(", ")
                    .append(m[1]).append("));\n");
        }
        Files.writeString(dir.resolve("off.c"), c.append("  return 0;\n}\n").toString());
        Path exe = dir.resolve("off");
        Commands.run(List.of("cc", "-w", "-I", dir.toString(), "-o", exe.toString(), dir.resolve("off.c").toString()));
        String[] expected = Commands.run(List.of(exe.toString())).strip().split("\n");
        Btf btf = Btf.vmlinux();
        List<String> got = new ArrayList<>();
        for (String[] m : MEMBERS) {
            got.add(String.valueOf(btf.memberOffset(m[0], m[1]).orElse(-1)));
        }
        assertEquals(List.of(expected), got);
        assertEquals(OptionalInt.empty(), btf.memberOffset("task_struct", "no_such_member"));
        assertEquals(OptionalInt.empty(), btf.memberOffset("no_such_struct", "pid"));
    }

    @Test
    void badData() {
        assertThrows(java.io.IOException.class, () -> Btf.parse(new byte[30]));
    }
}
