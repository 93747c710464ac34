package io.jstap.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallPartsTest {

    @TempDir
    Path dir;

    @Test
    void cpuLists() {
        assertEquals(List.of(0, 1), Cpus.parse("0-1\n"));
        assertEquals(List.of(0, 2, 3, 4, 8), Cpus.parse("0,2-4,8"));
        assertEquals(List.of(), Cpus.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Cpus.parse("3-1"));
        assertEquals(Cpus.possible().get(Cpus.possible().size() - 1) + 1, Cpus.possibleCount());
    }

    @Test
    void errnoNames() {
        assertEquals("EPERM", Errno.name(1));
        assertEquals("ENOTSUPP", Errno.name(524));
        assertEquals("errno 999", Errno.name(999));
        assertEquals("Permission denied", Errno.text(13));
        NativeException e = NativeException.of("epoll_wait", Errno.EBADF);
        assertEquals("epoll_wait failed: Bad file descriptor (EBADF)", e.getMessage());
        assertEquals(9, e.errno());
    }

    @Test
    void objectNames() {
        assertEquals("sys_enter_opena", ObjectName.sanitize("sys_enter_openat"));
        assertEquals("a_b.c_d", ObjectName.sanitize("a-b.c d"));
        assertEquals("_", ObjectName.sanitize("é"));
    }

    @Test
    void pmuTypesAndFormatBits() throws Exception {
        Path up = dir.resolve("uprobe");
        Files.createDirectories(up.resolve("format"));
        Files.writeString(up.resolve("type"), "8\n");
        Files.writeString(up.resolve("format").resolve("retprobe"), "config:0\n");
        Files.writeString(up.resolve("format").resolve("ref_ctr_offset"), "config:32-63\n");
        assertEquals(OptionalInt.of(8), Pmu.type(dir, "uprobe"));
        assertEquals(OptionalInt.empty(), Pmu.type(dir, "kprobe"));
        assertEquals(0, Pmu.configBit(dir, "uprobe", "retprobe"));
        assertEquals(32, Pmu.configBit(dir, "uprobe", "ref_ctr_offset"));
        assertEquals(-1, Pmu.configBit(dir, "uprobe", "missing"));
    }

    @Test
    void specsValidate() {
        assertThrows(IllegalArgumentException.class, () -> MapSpec.ringBuffer("r", 12288));
        assertThrows(IllegalArgumentException.class, () -> new ProgramLoad(ProgType.KPROBE, "p", new byte[12], "GPL"));
        assertEquals(3, new ProgramLoad(ProgType.KPROBE, "p", new byte[24], "GPL").insnCount());
    }

    @Test
    void verifierReasonSkipsSummaryLines() {
        BpfException e = new BpfException(BpfCommand.PROG_LOAD, 13, "x",
                "0: (b7) r0 = 0\ninvalid mem access 'scalar'\nprocessed 2 insns (limit 1000000)\n\n");
        assertEquals("invalid mem access 'scalar'", e.verifierReason());
        assertEquals("", new BpfException(BpfCommand.MAP_CREATE, 1, "x", null).verifierReason());
    }

    @Test
    void missingTracepointIdIsExplained() {
        NativeException e = assertThrows(NativeException.class, () -> Tracefs.eventId(dir, "syscalls", "nope"));
        assertEquals("no tracepoint syscalls:nope on this kernel (" + dir + "/events/syscalls/nope/id is missing) "
                + "(ENOENT)", e.getMessage());
    }

    @Test
    void epollWakesAWaiterFromAnotherThread() throws Exception {
        try (Epoll ep = new Epoll(LinuxSys.get())) {
            int[] ready = {-1};
            Thread t = new Thread(() -> ready[0] = ep.await(-1));
            t.start();
            Thread.sleep(50);
            ep.wake();
            t.join(5000);
            assertEquals(false, t.isAlive());
            assertEquals(0, ready[0]);
            assertEquals(true, ep.woken());
            assertEquals(0, ep.await(0), "the eventfd was reset by the first wait");
        }
    }
}
