package io.jstap.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Program;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.linux.MapSpec;
import io.jstap.linux.MapType;
import io.jstap.linux.ProgType;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RingBufferKernelTest extends KernelTest {

    static final int N = 100_000;

    /**
     * On each getppid of {@code tgid}: seq = counts[0]++ (atomic fetch-add), then a 16-byte record
     * {seq, pid_tgid}; when the ring is full, drops[0]++ (per-CPU).
     */
    static Program sequencer(int tgid) {
        Assembler a = new Assembler();
        Label out = a.newLabel("out");
        Label drop = a.newLabel("drop");
        TestPrograms.onlyTgid(a, tgid, out);
        a.st(Size.W, Reg.R10, -4, 0).mov(Reg.R2, Reg.R10).add(Reg.R2, -4).ldMapFd(Reg.R1, TestPrograms.COUNTS)
                .call(Helper.MAP_LOOKUP_ELEM).jeq(Reg.R0, 0, out)
                .mov(Reg.R6, 1).atomicAdd(Size.DW, Reg.R0, 0, Reg.R6, true);
        a.ldMapFd(Reg.R1, TestPrograms.RING).mov(Reg.R2, 16).mov(Reg.R3, 0).call(Helper.RINGBUF_RESERVE)
                .jeq(Reg.R0, 0, drop)
                .mov(Reg.R7, Reg.R0).stx(Size.DW, Reg.R7, 0, Reg.R6)
                .call(Helper.GET_CURRENT_PID_TGID).stx(Size.DW, Reg.R7, 8, Reg.R0)
                .mov(Reg.R1, Reg.R7).mov(Reg.R2, 0).call(Helper.RINGBUF_SUBMIT).ja(out);
        a.bind(drop).st(Size.W, Reg.R10, -4, 0).mov(Reg.R2, Reg.R10).add(Reg.R2, -4)
                .ldMapFd(Reg.R1, TestPrograms.DROPS).call(Helper.MAP_LOOKUP_ELEM).jeq(Reg.R0, 0, out)
                .mov(Reg.R1, 1).atomicAdd(Size.DW, Reg.R0, 0, Reg.R1, false);
        TestPrograms.finish(a, out);
        return a.build();
    }

    /** Checks each record against the expected sequence; counts gaps instead of failing on the reader thread. */
    static final class SequenceSink implements RecordSink {
        final long tgidField = (long) tgid() << 32;
        final CountDownLatch allSeen;
        final long total;
        long next;
        long records;
        long gaps;
        long gapRecords;
        long badRecords;
        long reportedLost;
        volatile boolean block;

        SequenceSink(long total) {
            this.total = total;
            this.allSeen = new CountDownLatch(1);
        }

        @Override
        public void onRecord(ByteBuffer data, int offset, int length) {
            while (block) {
                Thread.onSpinWait();
            }
            long seq = data.getLong(offset);
            if (length != 16 || (data.getLong(offset + 8) & 0xffffffff00000000L) != tgidField || seq < next) {
                badRecords++;
            } else if (seq > next) {
                gaps++;
                gapRecords += seq - next;
            }
            next = seq + 1;
            records++;
            check();
        }

        @Override
        public void onLost(long newlyLost, long totalLost) {
            reportedLost = totalLost;
            check();
        }

        private void check() {
            if (records + reportedLost == total) {
                allSeen.countDown();
            }
        }
    }

    /** Attaches the sequencer, makes N getppid calls, lets the reader go, then {@code extra} more calls. */
    private RingBufferReader run(int ringBytes, SequenceSink sink, int extra) throws Exception {
        BpfMap counts = kr.createMap(MapSpec.of(MapType.ARRAY, "counts", 4, 8, 1));
        BpfMap ring = kr.createMap(MapSpec.ringBuffer("ring", ringBytes));
        BpfMap drops = kr.createMap(MapSpec.of(MapType.PERCPU_ARRAY, "drops", 4, 8, 1));
        LoadedProgram p = kr.load(TestPrograms.load(ProgType.TRACEPOINT, "sequencer", sequencer(tgid()),
                counts, ring, drops));
        RingBufferReader reader = kr.openRingBuffer(ring, sink, () -> drops.sumPerCpuLong(BpfMap.intKey(0), 0));
        kr.attachTracepoint(p, "syscalls", "sys_enter_getppid");
        for (int i = 0; i < N; i++) {
            Syscalls.getppid();
        }
        sink.block = false;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (reader.delivered() + reader.lost() < N && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        for (int i = 0; i < extra; i++) { // into an empty ring: these cannot be lost
            Syscalls.getppid();
        }
        assertTrue(sink.allSeen.await(20, TimeUnit.SECONDS), "records " + sink.records + " lost "
                + sink.reportedLost);
        return reader;
    }

    @Test
    void hundredThousandRecordsArriveCompleteAndInOrder() throws Exception {
        SequenceSink sink = new SequenceSink(N);
        RingBufferReader reader = run(4 << 20, sink, 0);
        assertEquals(N, sink.records);
        assertEquals(0, sink.badRecords);
        assertEquals(0, sink.gaps);
        assertEquals(N, sink.next);
        assertEquals(0, reader.lost());
        assertEquals(N, reader.delivered());
        assertNull(reader.failure());
    }

    @Test
    void aFullRingLosesRecordsAndTheLossIsCounted() throws Exception {
        SequenceSink sink = new SequenceSink(N + 10);
        sink.block = true; // the reader stalls on the first record, so a 16 KiB ring must overflow
        RingBufferReader reader = run(16 << 10, sink, 10);
        assertEquals(0, sink.badRecords);
        assertTrue(reader.lost() > N / 2, "lost " + reader.lost());
        assertEquals(N + 10, reader.delivered() + reader.lost());
        assertEquals(reader.lost(), sink.reportedLost);
        assertEquals(reader.lost(), sink.gapRecords, "every missing sequence number is a counted loss");
        assertEquals(N + 10, sink.next);
    }
}
