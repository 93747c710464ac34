package io.jstap.runtime.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.bpf.Program;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.exec.MapFullException;
import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.Module;
import io.jstap.runtime.kernel.BpfMap;
import io.jstap.runtime.session.ModuleInstance;
import io.jstap.runtime.session.Modules;
import io.jstap.runtime.session.SessionKernelTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BpfMapStoreKernelTest extends SessionKernelTest {

    private static final MapRef COUNT = new MapRef("count");

    private static Module counterModule(boolean perCpu) {
        return new Modules.Builder()
                .map(Modules.scalar("count", IrType.LONG, perCpu))
                .kernel(Modules.tracepoint(0, "count_getppid", Modules.counter(COUNT, tgid()), "syscalls",
                        "sys_enter_getppid"))
                .build();
    }

    @Test
    void aKernelCounterReadsExactlyThroughTheStore() {
        try (ModuleInstance m = ModuleInstance.load(counterModule(false))) {
            MapStore store = m.store();
            assertEquals(0L, store.get("count", List.of()));
            m.attach();
            assertEquals(1, m.attachedPoints());
            getppid(1000);
            assertEquals(1000L, store.get("count", List.of()));
            m.detach();
            getppid(10);
            assertEquals(1000L, store.get("count", List.of()));
        }
    }

    @Test
    void perCpuValuesAreSummedAndWrittenOnCpuZero() throws Exception {
        try (ModuleInstance m = ModuleInstance.load(counterModule(true))) {
            MapStore store = m.store();
            m.attach();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                threads.add(new Thread(() -> getppid(25_000)));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            m.detach();
            BpfMap raw = m.maps().get("count");
            long[] slots = raw.perCpuLongs(BpfMap.intKey(0), 0).orElseThrow();
            assertEquals(ModuleInstance.possibleCpus(), slots.length);
            assertEquals(100_000L, java.util.Arrays.stream(slots).sum());
            assertEquals(100_000L, store.get("count", List.of()));

            store.put("count", List.of(), 42L);
            long[] after = raw.perCpuLongs(BpfMap.intKey(0), 0).orElseThrow();
            assertEquals(42L, after[0]);
            assertEquals(0L, java.util.Arrays.stream(after).skip(1).sum());
            assertEquals(47L, store.add("count", List.of(), 5));
            assertEquals(47L, store.get("count", List.of()));
        }
    }

    /** comm-keyed counts: {@code hits[execname()]++} by hand; the store decodes the kernel's string keys. */
    static Program commCounter(MapRef map, int tgid) {
        Assembler a = new Assembler();
        Label out = a.newLabel("out");
        Modules.onlyTgid(a, tgid, out);
        for (int off = -Modules.STR; off < 0; off += 8) {
            a.st(Size.DW, Reg.R10, off, 0);
        }
        a.mov(Reg.R1, Reg.R10).add(Reg.R1, -Modules.STR).mov(Reg.R2, 16).call(Helper.GET_CURRENT_COMM);
        a.st(Size.DW, Reg.R10, -Modules.STR - 8, 0)
                .ldMapFd(Reg.R1, map).mov(Reg.R2, Reg.R10).add(Reg.R2, -Modules.STR)
                .mov(Reg.R3, Reg.R10).add(Reg.R3, -Modules.STR - 8).mov(Reg.R4, 1).call(Helper.MAP_UPDATE_ELEM);
        a.ldMapFd(Reg.R1, map).mov(Reg.R2, Reg.R10).add(Reg.R2, -Modules.STR).call(Helper.MAP_LOOKUP_ELEM)
                .jeq(Reg.R0, 0, out).mov(Reg.R1, 1).atomicAdd(Size.DW, Reg.R0, 0, Reg.R1, false);
        return a.bind(out).mov(Reg.R0, 0).exit().build();
    }

    @Test
    void stringKeysRoundTripBetweenKernelAndUserspace() throws Exception {
        MapRef hits = new MapRef("hits");
        Module mod = new Modules.Builder()
                .map(Modules.array("hits", List.of(IrType.STRING), IrType.LONG, 100, false))
                .kernel(Modules.tracepoint(0, "comm_hits", commCounter(hits, tgid()), "syscalls", "sys_enter_getppid"))
                .build();
        try (ModuleInstance m = ModuleInstance.load(mod)) {
            MapStore store = m.store();
            m.attach();
            Thread t = new Thread(() -> getppid(500), "strkey-thread");
            t.start();
            t.join();
            m.detach();
            assertEquals(List.of(new MapStore.Entry(List.of("strkey-thread"), 500L)), store.entries("hits"));
            assertEquals(500L, store.get("hits", List.of("strkey-thread")));

            // userspace writes the layout the kernel uses: the key the kernel built finds the value
            store.put("hits", List.of("strkey-thread"), 7L);
            byte[] kernelKey = new byte[Modules.STR];
            System.arraycopy("strkey-thread".getBytes(), 0, kernelKey, 0, 13);
            byte[] v = m.maps().get("hits").lookup(kernelKey).orElseThrow();
            assertEquals(7L, ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN).getLong(0));
            store.put("hits", List.of("ünïcödé"), 1L);
            assertEquals(1L, store.get("hits", List.of("ünïcödé")));
            assertEquals(true, store.delete("hits", List.of("strkey-thread")));
            assertEquals(false, store.delete("hits", List.of("strkey-thread")));
            assertEquals(List.of(new MapStore.Entry(List.of("ünïcödé"), 1L)), store.entries("hits"));
        }
    }

    @Test
    void aHundredThousandEntriesReadBackExactly() {
        Module mod = new Modules.Builder()
                .map(Modules.array("big", List.of(IrType.LONG), IrType.LONG, 100_000, false))
                .map(Modules.array("mixed", List.of(IrType.STRING, IrType.LONG), IrType.STRING, 5_000, true))
                .build();
        try (ModuleInstance m = ModuleInstance.load(mod)) {
            MapStore store = m.store();
            for (long k = 0; k < 100_000; k++) {
                store.put("big", List.of(k), k * 3 - 7);
            }
            assertEquals(100_000, store.size("big"));
            Map<Object, Object> seen = new HashMap<>();
            for (MapStore.Entry e : store.entries("big")) {
                long k = (Long) e.key().get(0);
                assertEquals(k * 3 - 7, e.value());
                assertNull(seen.put(k, e.value()), "key " + k + " twice");
            }
            assertEquals(100_000, seen.size());
            assertThrows(MapFullException.class, () -> store.put("big", List.of(-1L), 0L));
            assertEquals(100_000, store.size("big"));

            for (long k = 0; k < 5_000; k++) {
                store.put("mixed", List.of("key-" + k, k), "value-" + k);
            }
            List<MapStore.Entry> mixed = store.entries("mixed");
            assertEquals(5_000, mixed.size());
            for (MapStore.Entry e : mixed) {
                long k = (Long) e.key().get(1);
                assertEquals(List.of("key-" + k, k), e.key());
                assertEquals("value-" + k, e.value());
            }
            store.clear("mixed");
            assertEquals(List.of(), store.entries("mixed"));
        }
    }

    @Test
    void aWrappingGlobalDropsAnElementInsteadOfFailing() {
        GlobalDecl g = GlobalDecl.array("ring", List.of(IrType.LONG), IrType.LONG, Modules.LOC).withMaxEntries(10)
                .withWrap(true);
        Module mod = new Modules.Builder().map(Modules.array(g, false)).build();
        try (ModuleInstance m = ModuleInstance.load(mod)) {
            for (long k = 0; k < 25; k++) {
                m.store().put("ring", List.of(k), k);
            }
            assertEquals(10, m.store().size("ring"));
            assertEquals(24L, m.store().get("ring", List.of(24L)));
        }
    }

    @Test
    void statisticsAddAndFoldInPerCpuMaps() {
        MapDef lat = Modules.stats("lat", HistogramSpec.LOG, true);
        Module mod = new Modules.Builder().map(lat).build();
        try (ModuleInstance m = ModuleInstance.load(mod)) {
            MapStore store = m.store();
            assertNull(store.stats("lat", List.of()));
            for (long v : new long[] {1, 2, 3, 4, 1024}) {
                store.statsAdd("lat", List.of(), v);
            }
            Stats s = store.stats("lat", List.of());
            assertEquals(5, s.count());
            assertEquals(1034, s.sum());
            assertEquals(1, s.min());
            assertEquals(1024, s.max());
            assertEquals(206, s.avg());
            long[] buckets = s.buckets();
            assertEquals(1, buckets[64 + 1]); // 1
            assertEquals(2, buckets[64 + 2]); // 2, 3
            assertEquals(1, buckets[64 + 3]); // 4
            assertEquals(1, buckets[64 + 11]); // 1024
            store.clear("lat");
            assertNull(store.stats("lat", List.of()));
        }
    }

    @Test
    void scalarInitialisersAreSetWhenTheModuleLoads() {
        MapDef d = Modules.scalar("greeting", IrType.STRING, false);
        GlobalDecl g = d.global().withInitialValue("hello");
        MapDef init = new MapDef(d.name(), d.kind(), d.keySize(), d.valueSize(), d.maxEntries(), d.role(), g,
                d.keyFields(), d.value());
        try (ModuleInstance m = ModuleInstance.load(new Modules.Builder().map(init).build())) {
            assertEquals("hello", m.store().get("greeting", List.of()));
            byte[] raw = m.maps().get("greeting").lookup(BpfMap.intKey(0)).orElseThrow();
            assertArrayEquals("hello\0".getBytes(), java.util.Arrays.copyOf(raw, 6));
        }
    }
}
