package io.jstap.runtime.kernel;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Program;
import io.jstap.compiler.bpf.Reg;
import io.jstap.linux.MapSpec;
import io.jstap.linux.MapType;
import io.jstap.linux.ProgType;
import io.jstap.linux.ProgramLoad;
import io.jstap.runtime.catalog.MachineProbeCatalog;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the kernel layer: load + attach of a 50-instruction program, one program on every syscall
 * enter tracepoint, and ring buffer throughput from a tight getppid loop. Run by
 * scripts/bench/kernel-layer.sh; prints one line per figure.
 */
public final class KernelLayerBench {

    private KernelLayerBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        mapLookup();
        loadAndAttach(rounds);
        allSyscalls();
        ringThroughput(seconds);
    }

    /** MAP_LOOKUP_ELEM latency through the allocation-free pointer path. */
    static void mapLookup() {
        try (KernelResources kr = new KernelResources()) {
            BpfMap m = kr.createMap(MapSpec.of(MapType.HASH, "lookup", 8, 8, 16));
            m.update(BpfMap.longKey(1), BpfMap.longKey(2));
            com.sun.jna.Memory k = new com.sun.jna.Memory(8);
            com.sun.jna.Memory v = new com.sun.jna.Memory(8);
            k.setLong(0, 1);
            int n = 200_000;
            for (int i = 0; i < n; i++) { // warm up
                m.lookup(k, v);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                m.lookup(k, v);
            }
            long t1 = System.nanoTime();
            System.out.printf("map lookup (hash, 8-byte key, pointer path): %.2f us per call%n", (t1 - t0) / 1e3 / n);
        }
    }

    /** 50 slots: tgid filter, counter update, then padding up to 50 (mov r8, i). */
    static Program fiftyInsns(int tgid) {
        Assembler a = new Assembler();
        Label out = a.newLabel();
        TestPrograms.onlyTgid(a, tgid, out);
        TestPrograms.increment(a, 0, null, out);
        while (a.slot() < 48) {
            a.mov(Reg.R8, a.slot());
        }
        TestPrograms.finish(a, out);
        Program p = a.build();
        if (p.insnCount() != 50) {
            throw new IllegalStateException("program has " + p.insnCount() + " slots");
        }
        return p;
    }

    private static String stats(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("%-34s first %7.3f ms  median %7.3f ms  p90 %7.3f ms  min %7.3f ms", what,
                nanos[0] / 1e6, s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6, s[0] / 1e6);
    }

    static void loadAndAttach(int rounds) {
        long[] load = new long[rounds];
        long[] attach = new long[rounds];
        long[] both = new long[rounds];
        try (KernelResources kr = new KernelResources()) {
            BpfMap counts = kr.createMap(MapSpec.of(MapType.ARRAY, "counts", 4, 8, 1));
            ProgramLoad spec = TestPrograms.load(ProgType.TRACEPOINT, "bench50",
                    fiftyInsns((int) ProcessHandle.current().pid()), counts);
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                LoadedProgram p = kr.load(spec);
                long t1 = System.nanoTime();
                Attachment a = kr.attachTracepoint(p, "syscalls", "sys_enter_getppid");
                long t2 = System.nanoTime();
                load[i] = t1 - t0;
                attach[i] = t2 - t1;
                both[i] = t2 - t0;
                a.close();
                p.close();
            }
        }
        System.out.println("load+attach, 50-instruction tracepoint program, " + rounds + " rounds:");
        System.out.println("  " + stats("PROG_LOAD", load));
        System.out.println("  " + stats("attach (open+SET_BPF+ENABLE)", attach));
        System.out.println("  " + stats("load + attach", both));
    }

    static void allSyscalls() {
        List<String> syscalls = new MachineProbeCatalog().syscalls();
        long[] attach = new long[3];
        long[] detach = new long[3];
        int attached = 0;
        for (int r = 0; r < 3; r++) {
            try (KernelResources kr = new KernelResources()) {
                BpfMap counts = kr.createMap(MapSpec.of(MapType.ARRAY, "counts", 4, 8, 1));
                LoadedProgram p = kr.load(TestPrograms.load(ProgType.TRACEPOINT, "all_enter",
                        TestPrograms.countForTgid((int) ProcessHandle.current().pid(), 0), counts));
                long t0 = System.nanoTime();
                attached = 0;
                for (String s : syscalls) {
                    kr.attachTracepoint(p, "syscalls", "sys_enter_" + s);
                    attached++;
                }
                long t1 = System.nanoTime();
                List<KernelObject> attachments = kr.owned().stream().filter(o -> o instanceof Attachment).toList();
                KernelResources.closeConcurrently(attachments);
                long t2 = System.nanoTime();
                attach[r] = t1 - t0;
                detach[r] = t2 - t1;
            }
        }
        System.out.println("one program on every syscalls:sys_enter_* tracepoint (" + attached + " of "
                + syscalls.size() + "), 3 rounds:");
        System.out.println("  " + stats("attach all", attach) + String.format("  (%.3f ms each)",
                Arrays.stream(attach).sorted().toArray()[1] / 1e6 / attached));
        System.out.println("  " + stats("detach all (closed in parallel)", detach));
    }

    static void ringThroughput(double seconds) throws Exception {
        long base = baselineSyscalls(seconds / 3);
        try (KernelResources kr = new KernelResources()) {
            BpfMap counts = kr.createMap(MapSpec.of(MapType.ARRAY, "counts", 4, 8, 1));
            BpfMap ring = kr.createMap(MapSpec.ringBuffer("ring", 1 << 20));
            BpfMap drops = kr.createMap(MapSpec.of(MapType.PERCPU_ARRAY, "drops", 4, 8, 1));
            LoadedProgram p = kr.load(TestPrograms.load(ProgType.TRACEPOINT, "sequencer",
                    RingBufferKernelTest.sequencer((int) ProcessHandle.current().pid()), counts, ring, drops));
            AtomicLong checksum = new AtomicLong();
            RecordSink sink = (ByteBuffer data, int off, int len) -> checksum.lazySet(checksum.get() + data.getLong(off));
            RingBufferReader reader = kr.openRingBuffer(ring, sink, () -> drops.sumPerCpuLong(BpfMap.intKey(0), 0));
            kr.attachTracepoint(p, "syscalls", "sys_enter_getppid");
            long calls = 0;
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                for (int i = 0; i < 1000; i++) {
                    Syscalls.getppid();
                }
                calls += 1000;
            }
            long t1 = System.nanoTime();
            while (reader.delivered() + reader.lost() < calls && System.nanoTime() - t1 < 5_000_000_000L) {
                Thread.sleep(1);
            }
            double secs = (t1 - t0) / 1e9;
            System.out.println("ring buffer (1 MiB, 16-byte records) fed by a getppid loop for " + seconds + " s:");
            System.out.printf("  syscalls/s without probe   %,12.0f%n", base / (seconds / 3));
            System.out.printf("  syscalls/s with probe      %,12.0f%n", calls / secs);
            System.out.printf("  records delivered/s        %,12.0f%n", reader.delivered() / secs);
            System.out.printf("  records: %,d produced, %,d delivered, %,d lost (counted by the program)%n", calls,
                    reader.delivered(), reader.lost());
        }
    }

    private static long baselineSyscalls(double seconds) {
        long calls = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                Syscalls.getppid();
            }
            calls += 1000;
        }
        return calls;
    }
}
