package io.jstap.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Pins every bpf_attr offset the loader writes, through a recording fake. */
class BpfLayoutTest {

    private final RecordingSys sys = new RecordingSys();
    private final Bpf bpf = new Bpf(sys);

    private static String cString(RecordingSys.Call c, int off) {
        return new Pointer(c.longAt(off)).getString(0, "UTF-8");
    }

    private static void zeroFrom(RecordingSys.Call c, int from) {
        byte[] rest = Arrays.copyOfRange(c.attr(), from, c.attr().length);
        assertArrayEquals(new byte[rest.length], rest, "bytes after the last field must be zero");
    }

    @Test
    void mapCreate() {
        sys.answer(7);
        assertEquals(7, bpf.createMap(new MapSpec(MapType.PERCPU_HASH, "my-map:name_long", 8, 24, 100,
                MapSpec.F_NO_PREALLOC)));
        RecordingSys.Call c = sys.calls.get(0);
        assertEquals(0, c.cmd());
        assertEquals(Bpf.ATTR_SIZE, c.size());
        assertEquals(5, c.intAt(0));
        assertEquals(8, c.intAt(4));
        assertEquals(24, c.intAt(8));
        assertEquals(100, c.intAt(12));
        assertEquals(1, c.intAt(16));
        assertEquals("my_map_name_lon", new String(c.attr(), 28, 15, StandardCharsets.US_ASCII));
        assertEquals(0, c.attr()[43], "name is NUL-terminated within 16 bytes");
        zeroFrom(c, 44);
    }

    @Test
    void elementCommands() {
        Memory k = new Memory(4);
        Memory v = new Memory(8);
        sys.answer(0).answer(-Errno.ENOENT).answer(0).answer(-Errno.ENOENT).answer(-Errno.E2BIG);
        assertTrue(bpf.lookup(9, k, v));
        assertTrue(!bpf.lookup(9, k, v));
        bpf.update(9, k, v, Bpf.NOEXIST);
        assertTrue(!bpf.nextKey(9, null, v));
        BpfException e = assertThrows(BpfException.class, () -> bpf.delete(9, k));
        assertEquals(Errno.E2BIG, e.errno());
        int[] cmds = sys.calls.stream().mapToInt(RecordingSys.Call::cmd).toArray();
        assertArrayEquals(new int[] {1, 1, 2, 4, 3}, cmds);
        RecordingSys.Call up = sys.calls.get(2);
        assertEquals(32, up.size());
        assertEquals(9, up.intAt(0));
        assertEquals(0, up.intAt(4));
        assertEquals(Pointer.nativeValue(k), up.longAt(8));
        assertEquals(Pointer.nativeValue(v), up.longAt(16));
        assertEquals(1, up.longAt(24));
        assertEquals(0, sys.calls.get(3).longAt(8), "a null key asks for the first key");
        assertEquals(0, sys.calls.get(4).longAt(16), "delete passes no value");
    }

    @Test
    void lookupBatch() {
        Memory out = new Memory(8);
        Memory keys = new Memory(16);
        Memory vals = new Memory(32);
        sys.answer(0, a -> a.setInt(32, 4)).answer(-Errno.ENOENT, a -> a.setInt(32, 2));
        assertEquals(new Bpf.Batch(4, false), bpf.lookupBatch(5, null, out, keys, vals, 4));
        assertEquals(new Bpf.Batch(2, true), bpf.lookupBatch(5, out, out, keys, vals, 4));
        RecordingSys.Call c = sys.calls.get(1);
        assertEquals(24, c.cmd());
        assertEquals(Pointer.nativeValue(out), c.longAt(0));
        assertEquals(Pointer.nativeValue(out), c.longAt(8));
        assertEquals(Pointer.nativeValue(keys), c.longAt(16));
        assertEquals(Pointer.nativeValue(vals), c.longAt(24));
        assertEquals(4, c.intAt(32));
        assertEquals(5, c.intAt(36));
        zeroFrom(c, 40);
    }

    @Test
    void programLoadWithoutLogFirst() {
        byte[] insns = new byte[24];
        insns[0] = (byte) 0xb7;
        sys.answer(11);
        Bpf.Loaded l = bpf.loadProgram(new ProgramLoad(ProgType.PERF_EVENT, "prog-1", insns, "GPL"));
        assertEquals(new Bpf.Loaded(11, ""), l);
        RecordingSys.Call c = sys.calls.get(0);
        assertEquals(5, c.cmd());
        assertEquals(7, c.intAt(0));
        assertEquals(3, c.intAt(4));
        assertNotEquals(0, c.longAt(8));
        assertEquals("GPL", cString(c, 16));
        assertEquals(0, c.intAt(24), "log_level");
        assertEquals(0, c.intAt(28), "log_size");
        assertEquals(0, c.longAt(32), "log_buf");
        assertEquals("prog_1", new String(c.attr(), 48, 6, StandardCharsets.US_ASCII));
        assertEquals(0, c.intAt(68));
        zeroFrom(c, 64);
    }

    @Test
    void btfFuncInfoAndExpectedAttachType() {
        sys.answer(12).answer(13);
        assertEquals(12, bpf.loadBtf(new byte[] {(byte) 0x9f, (byte) 0xeb, 1, 0}));
        RecordingSys.Call btf = sys.calls.get(0);
        assertEquals(18, btf.cmd());
        assertNotEquals(0, btf.longAt(0));
        assertNotEquals(0, btf.longAt(8));
        assertEquals(4, btf.intAt(16));
        assertEquals(64 * 1024, btf.intAt(20));
        assertEquals(1, btf.intAt(24));
        byte[] funcInfo = new byte[16];
        ProgramLoad load = new ProgramLoad(ProgType.TRACEPOINT, "loop", new byte[24], "GPL").withBtf(12, funcInfo)
                .withExpectedAttachType(23);
        bpf.loadProgram(load);
        RecordingSys.Call c = sys.calls.get(1);
        assertEquals(23, c.intAt(68));
        assertEquals(12, c.intAt(72));
        assertEquals(8, c.intAt(76));
        assertNotEquals(0, c.longAt(80));
        assertEquals(2, c.intAt(88));
        zeroFrom(c, 92);
    }

    private static void writeLog(Pointer attr, String text) {
        Pointer log = new Pointer(attr.getLong(32));
        byte[] b = (text + "\0").getBytes(StandardCharsets.UTF_8);
        log.write(0, b, 0, b.length);
    }

    @Test
    void rejectedLoadIsRetriedWithTheLogAndKeepsTheFirstErrno() {
        sys.answer(-Errno.EACCES).answer(-Errno.EACCES,
                a -> writeLog(a, "0: (95) exit\nR0 !read_ok\nprocessed 1 insns (limit 1000000)\n"));
        BpfException e = assertThrows(BpfException.class,
                () -> bpf.loadProgram(new ProgramLoad(ProgType.TRACEPOINT, "bad", new byte[8], "GPL")));
        assertEquals(Errno.EACCES, e.errno());
        assertEquals("R0 !read_ok", e.verifierReason());
        assertEquals("0: (95) exit\nR0 !read_ok\nprocessed 1 insns (limit 1000000)", e.verifierLog());
        assertEquals("the kernel verifier rejected program 'bad' (TRACEPOINT, 1 instructions): R0 !read_ok (EACCES)",
                e.getMessage());
        RecordingSys.Call retry = sys.calls.get(1);
        assertEquals(1, retry.intAt(24));
        assertEquals(1 << 20, retry.intAt(28));
        assertNotEquals(0, retry.longAt(32));
    }

    @Test
    void tooSmallLogGrowsAndTooComplexIsExplained() {
        sys.answer(-Errno.E2BIG).answer(-Errno.ENOSPC).answer(-Errno.E2BIG,
                a -> writeLog(a, "BPF program is too large. Processed 1000001 insn\nprocessed 1000001 insns"));
        BpfException e = assertThrows(BpfException.class,
                () -> bpf.loadProgram(new ProgramLoad(ProgType.TRACEPOINT, "big", new byte[16], "GPL")));
        assertEquals(Errno.E2BIG, e.errno());
        assertEquals(16 << 20, sys.calls.get(2).intAt(28));
        assertEquals("the verifier found program 'big' (TRACEPOINT, 2 instructions) too large or too complex (its "
                + "limit is 1,000,000 processed instructions): BPF program is too large. Processed 1000001 insn (E2BIG)",
                e.getMessage());
    }

    @Test
    void missingPrivilegeSaysWhatIsNeeded() {
        sys.answer(-Errno.EPERM);
        BpfException e = assertThrows(BpfException.class,
                () -> bpf.loadProgram(new ProgramLoad(ProgType.TRACEPOINT, "p", new byte[8], "GPL")));
        assertEquals("EPERM", e.errnoName());
        assertEquals(1, sys.calls.size(), "no log retry for a permission error");
        assertTrue(e.getMessage().startsWith("loading BPF programs needs root or CAP_BPF and CAP_PERFMON"),
                e.getMessage());
        sys.answer(-Errno.EPERM);
        BpfException m = assertThrows(BpfException.class, () -> bpf.createMap(MapSpec.of(MapType.HASH, "m", 4, 4, 1)));
        assertTrue(m.getMessage().startsWith("loading BPF programs needs root or CAP_BPF and CAP_PERFMON"));
    }

    @Test
    void linkRawTracepointIdsAndInfo() {
        sys.answer(20).answer(21).answer(0, a -> a.setInt(4, 42)).answer(-Errno.ENOENT)
                .answer(0, a -> {
                    Pointer info = new Pointer(a.getLong(8));
                    info.setInt(0, 5);
                    info.setInt(4, 42);
                    info.write(8, new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) 0xab}, 0, 8);
                    info.write(64, "counter\0".getBytes(StandardCharsets.US_ASCII), 0, 8);
                    info.setInt(216, 99);
                });
        assertEquals(20, bpf.createLink(4, 5, Bpf.ATTACH_PERF_EVENT, 0x1122334455L));
        assertEquals(21, bpf.openRawTracepoint("sys_enter", 4));
        assertEquals(42, bpf.nextProgId(7).getAsInt());
        assertTrue(bpf.nextLinkId(42).isEmpty());
        ObjectInfo.Prog info = bpf.progInfo(4);
        assertEquals(new ObjectInfo.Prog(5, 42, "01020304050607ab", 0, 0, 0, 0, 0, "counter", 0, 0, 99), info);

        RecordingSys.Call link = sys.calls.get(0);
        assertEquals(28, link.cmd());
        assertEquals(4, link.intAt(0));
        assertEquals(5, link.intAt(4));
        assertEquals(41, link.intAt(8));
        assertEquals(0, link.intAt(12));
        assertEquals(0x1122334455L, link.longAt(16));
        RecordingSys.Call raw = sys.calls.get(1);
        assertEquals(17, raw.cmd());
        assertEquals(4, raw.intAt(8));
        assertEquals(11, sys.calls.get(2).cmd());
        assertEquals(7, sys.calls.get(2).intAt(0));
        assertEquals(31, sys.calls.get(3).cmd());
        RecordingSys.Call inf = sys.calls.get(4);
        assertEquals(15, inf.cmd());
        assertEquals(4, inf.intAt(0));
        assertEquals(232, inf.intAt(4));
        assertNotEquals(0, inf.longAt(8));
    }
}
