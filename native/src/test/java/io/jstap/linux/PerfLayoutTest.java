package io.jstap.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.jna.Pointer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Pins perf_event_attr offsets and the perf ioctl numbers. */
class PerfLayoutTest {

    private final RecordingSys sys = new RecordingSys();
    private final Perf perf = new Perf(sys);

    @Test
    void uprobeAttr() {
        sys.answer(30).answer(0).answer(0);
        int fd = perf.open(PerfEventAttr.probe(8, "/usr/lib/libc.so.6", 0xd54e0, 0), 1234, -1, "uprobe x");
        assertEquals(30, fd);
        RecordingSys.Call c = sys.calls.get(0);
        assertEquals(8, c.intAt(0));
        assertEquals(128, c.intAt(4));
        assertEquals(1, c.longAt(8), "retprobe bit 0 set in config");
        assertEquals(1, c.longAt(16));
        assertEquals(0, c.longAt(24), "sample_type");
        assertEquals(PerfEventAttr.DISABLED, c.longAt(40));
        assertEquals(1, c.intAt(48), "wakeup_events");
        assertEquals(0xd54e0, c.longAt(64));
        assertArrayEquals(new long[] {1234, -1, -1, 8}, c.args());
        perf.setBpf(30, 9, "uprobe x");
        perf.enable(30);
        assertArrayEquals(new long[] {30, 0x40042408L, 9}, sys.calls.get(1).args());
        assertArrayEquals(new long[] {30, 0x2400, 0}, sys.calls.get(2).args());
        byte[] rest = Arrays.copyOfRange(c.attr(), 72, 128);
        assertArrayEquals(new byte[56], rest);
    }

    @Test
    void frequencyCounter() {
        sys.answer(31);
        perf.open(PerfEventAttr.counterFreq(PerfEventAttr.TYPE_SOFTWARE, 0, 99), -1, 1, "cpu-clock");
        RecordingSys.Call c = sys.calls.get(0);
        assertEquals(1, c.intAt(0));
        assertEquals(0, c.longAt(8));
        assertEquals(99, c.longAt(16));
        assertEquals(PerfEventAttr.DISABLED | PerfEventAttr.FREQ, c.longAt(40));
        assertEquals(1L << 10 | 1, c.longAt(40));
        assertEquals(0, c.longAt(56), "no config1 without a probe target");
        assertArrayEquals(new long[] {-1, 1, -1, 8}, c.args());
    }

    @Test
    void openErrorsNameTheEvent() {
        sys.answer(-Errno.ENOENT).answer(-Errno.ENOTSUPP).answer(-Errno.EACCES).answer(-Errno.EEXIST);
        NativeException a = assertThrows(NativeException.class,
                () -> perf.open(PerfEventAttr.probe(8, "/no/such", 16, -1), -1, 0, "uprobe /no/such:f"));
        assertEquals("cannot open uprobe /no/such:f: '/no/such' does not exist (ENOENT)", a.getMessage());
        NativeException b = assertThrows(NativeException.class,
                () -> perf.open(PerfEventAttr.probe(8, "/bin/x", 0x11, -1), -1, 0, "uprobe /bin/x:0x11"));
        assertEquals("cannot open uprobe /bin/x:0x11: offset 0x11 is not at an instruction boundary (ENOTSUPP)",
                b.getMessage());
        NativeException c = assertThrows(NativeException.class,
                () -> perf.open(PerfEventAttr.tracepoint(5), -1, 0, "tracepoint a:b"));
        assertEquals("opening tracepoint a:b needs root or CAP_PERFMON (EACCES)", c.getMessage());
        NativeException d = assertThrows(NativeException.class, () -> perf.setBpf(3, 4, "tracepoint a:b"));
        assertEquals("a program is already attached to tracepoint a:b (load a second copy) (EEXIST)", d.getMessage());
        assertEquals(0, Pointer.nativeValue(null));
    }
}
