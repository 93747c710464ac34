package io.jstap.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.linux.BpfException;
import io.jstap.linux.Errno;
import io.jstap.linux.MapSpec;
import io.jstap.linux.MapType;
import io.jstap.linux.NativeException;
import io.jstap.linux.ProgType;
import io.jstap.linux.ProgramLoad;
import org.junit.jupiter.api.Test;

class TracepointKernelTest extends KernelTest {

    private BpfMap counts() {
        return kr.createMap(MapSpec.of(MapType.ARRAY, "counts", 4, 8, 4));
    }

    private long count(BpfMap counts, int key) {
        return java.nio.ByteBuffer.wrap(counts.lookup(BpfMap.intKey(key)).orElseThrow())
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void countsExactlyTheGetppidCallsOfThisProcess() {
        BpfMap counts = counts();
        LoadedProgram p = kr.load(ProgType.TRACEPOINT, "getppid_count", TestPrograms.countForTgid(tgid(), 0),
                ref -> ref.equals(TestPrograms.COUNTS) ? counts : null);
        Attachment a = kr.attachTracepoint(p, "syscalls", "sys_enter_getppid");
        assertEquals(1, a.perfFds().size());
        for (int i = 0; i < 1000; i++) {
            Syscalls.getppid();
        }
        assertEquals(1000, count(counts, 0));
        a.close();
        for (int i = 0; i < 10; i++) {
            Syscalls.getppid();
        }
        assertEquals(1000, count(counts, 0), "a closed attachment must stop counting");
        assertTrue(p.id() > 0);
        assertEquals("getppid_count", p.info().name());
    }

    @Test
    void linkAttachmentPassesTheCookie() {
        BpfMap counts = counts();
        Assembler asm = new Assembler();
        Label out = asm.newLabel();
        asm.mov(Reg.R6, Reg.R1);
        TestPrograms.onlyTgid(asm, tgid(), out);
        asm.mov(Reg.R1, Reg.R6).call(Helper.GET_ATTACH_COOKIE).mov(Reg.R7, Reg.R0);
        TestPrograms.increment(asm, 1, Reg.R7, out);
        TestPrograms.finish(asm, out);
        LoadedProgram p = kr.load(TestPrograms.load(ProgType.TRACEPOINT, "cookie", asm.build(), counts));
        Attachment a = kr.attachTracepoint(p, "syscalls", "sys_enter_getppid", 7);
        assertEquals(1, a.linkFds().size());
        for (int i = 0; i < 100; i++) {
            Syscalls.getppid();
        }
        assertEquals(700, count(counts, 1));
    }

    @Test
    void rawTracepointSeesTheSyscallNumber() {
        BpfMap counts = counts();
        Assembler asm = new Assembler();
        Label out = asm.newLabel();
        asm.ldx(Size.DW, Reg.R6, Reg.R1, 8); // args[1] of sys_enter: the syscall number
        TestPrograms.onlyTgid(asm, tgid(), out);
        asm.jne(Reg.R6, 110, out); // getppid
        TestPrograms.increment(asm, 2, null, out);
        TestPrograms.finish(asm, out);
        LoadedProgram p = kr.load(TestPrograms.load(ProgType.RAW_TRACEPOINT, "raw_getppid", asm.build(), counts));
        kr.attachRawTracepoint(p, "sys_enter");
        for (int i = 0; i < 500; i++) {
            Syscalls.getppid();
        }
        assertEquals(500, count(counts, 2));
    }

    @Test
    void oneProgramOnEverySyscallEnterTracepoint() {
        BpfMap counts = counts();
        Assembler asm = new Assembler();
        Label out = asm.newLabel();
        asm.ldx(Size.W, Reg.R6, Reg.R1, 8); // __syscall_nr
        TestPrograms.onlyTgid(asm, tgid(), out);
        asm.jne(Reg.R6, 110, out);
        TestPrograms.increment(asm, 3, null, out);
        TestPrograms.finish(asm, out);
        LoadedProgram p = kr.load(TestPrograms.load(ProgType.TRACEPOINT, "all_enter", asm.build(), counts));
        java.util.List<String> syscalls = new io.jstap.runtime.catalog.MachineProbeCatalog().syscalls();
        assertTrue(syscalls.size() > 200, syscalls.toString());
        for (String s : syscalls) {
            kr.attachTracepoint(p, "syscalls", "sys_enter_" + s);
        }
        assertEquals(syscalls.size() + 2, kr.owned().size());
        for (int i = 0; i < 300; i++) {
            Syscalls.getppid();
        }
        assertEquals(300, count(counts, 3));
    }

    @Test
    void rejectedProgramCarriesTheVerifierLine() {
        Assembler asm = new Assembler();
        asm.exit(); // r0 never written
        ProgramLoad load = new ProgramLoad(ProgType.TRACEPOINT, "bad_exit", asm.build().bytes(), "GPL");
        BpfException e = assertThrows(BpfException.class, () -> kr.load(load));
        assertEquals(Errno.EACCES, e.errno());
        assertEquals("EACCES", e.errnoName());
        assertEquals("R0 !read_ok", e.verifierReason());
        assertTrue(e.verifierLog().contains("0: (95) exit"), e.verifierLog());
        assertEquals("the kernel verifier rejected program 'bad_exit' (TRACEPOINT, 1 instructions): R0 !read_ok "
                + "(EACCES)", e.getMessage());
    }

    @Test
    void readingPastTheRecordFailsAtAttachWithAnExplanation() {
        Assembler asm = new Assembler();
        asm.ldx(Size.W, Reg.R2, Reg.R1, 12).mov(Reg.R0, 0).exit(); // getppid's record is 12 bytes
        LoadedProgram p = kr.load(new ProgramLoad(ProgType.TRACEPOINT, "past_end", asm.build().bytes(), "GPL"));
        NativeException e = assertThrows(NativeException.class,
                () -> kr.attachTracepoint(p, "syscalls", "sys_enter_getppid"));
        assertEquals(Errno.EACCES, e.errno());
        assertTrue(e.getMessage().contains("reads past the end of the event's record"), e.getMessage());
    }

    @Test
    void aMissingMapIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kr.load(ProgType.TRACEPOINT,
                "orphan", TestPrograms.countForTgid(1, 0), ref -> null));
        assertEquals("program orphan refers to map 'counts', which was not created", e.getMessage());
    }

    @Test
    void unknownTracepointIsNamed() {
        Assembler asm = new Assembler();
        asm.mov(Reg.R0, 0).exit();
        LoadedProgram p = kr.load(new ProgramLoad(ProgType.TRACEPOINT, "noop", asm.build().bytes(), "GPL"));
        NativeException e = assertThrows(NativeException.class, () -> kr.attachTracepoint(p, "syscalls", "nope"));
        assertTrue(e.getMessage().startsWith("no tracepoint syscalls:nope on this kernel"), e.getMessage());
    }
}
