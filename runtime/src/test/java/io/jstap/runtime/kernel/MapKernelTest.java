package io.jstap.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.linux.Bpf;
import io.jstap.linux.BpfException;
import io.jstap.linux.Cpus;
import io.jstap.linux.Errno;
import io.jstap.linux.MapSpec;
import io.jstap.linux.MapType;
import io.jstap.linux.ObjectInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MapKernelTest extends KernelTest {

    @Test
    void hashMapElementCommands() {
        BpfMap m = kr.createMap(MapSpec.of(MapType.HASH, "h", 8, 8, 64));
        byte[] k1 = BpfMap.longKey(1);
        assertTrue(m.lookup(k1).isEmpty());
        m.update(k1, BpfMap.longKey(100));
        assertArrayEquals(BpfMap.longKey(100), m.lookup(k1).orElseThrow());
        BpfException e = assertThrows(BpfException.class, () -> m.update(k1, BpfMap.longKey(5), Bpf.NOEXIST));
        assertEquals(Errno.EEXIST, e.errno());
        BpfException e2 = assertThrows(BpfException.class,
                () -> m.update(BpfMap.longKey(2), BpfMap.longKey(5), Bpf.EXIST));
        assertEquals(Errno.ENOENT, e2.errno());
        m.update(BpfMap.longKey(2), BpfMap.longKey(200), Bpf.NOEXIST);
        TreeSet<Long> keys = new TreeSet<>();
        for (byte[] k : m.keys()) {
            keys.add(java.nio.ByteBuffer.wrap(k).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong());
        }
        assertEquals(new TreeSet<>(List.of(1L, 2L)), keys);
        assertArrayEquals(BpfMap.longKey(200), m.lookupAndDelete(BpfMap.longKey(2)).orElseThrow());
        assertTrue(m.delete(k1));
        assertFalse(m.delete(k1));
        assertEquals(List.of(), m.keys());
    }

    @Test
    void batchLookupReturnsEveryEntry() {
        BpfMap m = kr.createMap(MapSpec.of(MapType.HASH, "batch", 4, 8, 10));
        for (int i = 0; i < 10; i++) {
            m.update(BpfMap.intKey(i), BpfMap.longKey(i * 10L));
        }
        List<BpfMap.Entry> all = m.entries();
        assertEquals(10, all.size());
        long sum = 0;
        for (BpfMap.Entry en : all) {
            int k = java.nio.ByteBuffer.wrap(en.key()).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            assertArrayEquals(BpfMap.longKey(k * 10L), en.value());
            sum += k;
        }
        assertEquals(45, sum);
    }

    @Test
    void batchStepsEndWithEnoentCarryingTheLastElements() {
        // An array walks its indexes in order; a hash map goes bucket by bucket, so its step sizes vary.
        BpfMap m = kr.createMap(MapSpec.of(MapType.ARRAY, "steps", 4, 8, 10));
        for (int i = 0; i < 10; i++) {
            m.update(BpfMap.intKey(i), BpfMap.longKey(i));
        }
        com.sun.jna.Memory token = new com.sun.jna.Memory(8);
        com.sun.jna.Memory keys = new com.sun.jna.Memory(4 * 4);
        com.sun.jna.Memory values = new com.sun.jna.Memory(8 * 4);
        List<Bpf.Batch> steps = new ArrayList<>();
        Bpf.Batch b = kr.bpf().lookupBatch(m.fd(), null, token, keys, values, 4);
        steps.add(b);
        while (!b.done()) {
            b = kr.bpf().lookupBatch(m.fd(), token, token, keys, values, 4);
            steps.add(b);
        }
        assertEquals(List.of(new Bpf.Batch(4, false), new Bpf.Batch(4, false), new Bpf.Batch(2, true)), steps);
    }

    @Test
    void arrayBoundsAndPerCpuValues() {
        BpfMap a = kr.createMap(MapSpec.of(MapType.ARRAY, "arr", 4, 8, 4));
        assertTrue(a.lookup(BpfMap.intKey(4)).isEmpty(), "out of range lookups are ENOENT");
        assertArrayEquals(new byte[8], a.lookup(BpfMap.intKey(3)).orElseThrow());
        BpfMap pc = kr.createMap(MapSpec.of(MapType.PERCPU_ARRAY, "pc", 4, 4, 2));
        int n = Cpus.possibleCount();
        assertEquals(8 * n, pc.valueBufferSize(), "4-byte values take 8-byte slots per possible CPU");
        java.nio.ByteBuffer v = java.nio.ByteBuffer.allocate(8 * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < n; c++) {
            v.putLong(c * 8, c + 1);
        }
        pc.update(BpfMap.intKey(1), v.array());
        assertEquals((long) n * (n + 1) / 2, pc.sumPerCpuLong(BpfMap.intKey(1), 0));
        assertEquals(n, pc.perCpuLongs(BpfMap.intKey(1), 0).orElseThrow().length);
    }

    @Test
    void everyMapTypeTheRuntimeUsesCanBeCreated() {
        List<MapSpec> specs = List.of(MapSpec.of(MapType.HASH, "t_hash", 8, 16, 16),
                MapSpec.of(MapType.ARRAY, "t_array", 4, 16, 16),
                MapSpec.of(MapType.PERCPU_HASH, "t_pchash", 8, 16, 16),
                MapSpec.of(MapType.PERCPU_ARRAY, "t_pcarray", 4, 16, 16),
                MapSpec.of(MapType.LRU_HASH, "t_lru", 8, 16, 16),
                MapSpec.of(MapType.LRU_PERCPU_HASH, "t_lrupc", 8, 16, 16),
                MapSpec.of(MapType.STACK_TRACE, "t_stacks", 4, 1016, 16),
                MapSpec.ringBuffer("t_ring", 1 << 16));
        List<Integer> ids = new ArrayList<>();
        for (MapSpec s : specs) {
            BpfMap m = kr.createMap(s);
            ObjectInfo.Map info = m.info();
            assertEquals(s.type().id(), info.type());
            assertEquals(s.name(), info.name());
            assertEquals(s.maxEntries(), info.maxEntries());
            ids.add(info.id());
        }
        // Every one of our ids shows up in the global id walk.
        TreeSet<Integer> seen = new TreeSet<>();
        OptionalInt id = kr.bpf().nextMapId(0);
        while (id.isPresent()) {
            seen.add(id.getAsInt());
            id = kr.bpf().nextMapId(id.getAsInt());
        }
        assertTrue(seen.containsAll(ids), seen + " lacks some of " + ids);
    }

    @Test
    void badRingSizeAndPrivilegeMessages() {
        BpfException e = assertThrows(BpfException.class,
                () -> kr.createMap(new MapSpec(MapType.RINGBUF, "bad_ring", 0, 0, 12288, 0)));
        assertEquals(Errno.EINVAL, e.errno());
        assertEquals("the kernel refused map 'bad_ring' (RINGBUF, key 0 bytes, value 0 bytes, 12288 entries) as "
                + "invalid: a ring buffer's size must be a power of two and a multiple of the page size (EINVAL)",
                e.getMessage());
        BpfException missing = assertThrows(BpfException.class, () -> kr.bpf().progFdById(Integer.MAX_VALUE));
        assertEquals("ENOENT", missing.errnoName());
        assertEquals("BPF program id 2147483647 does not exist (ENOENT)", missing.getMessage());
    }

    @Test
    void closingAMapReleasesItsFdAndScopeEntry() {
        BpfMap m = kr.createMap(MapSpec.of(MapType.ARRAY, "short", 4, 8, 1));
        int id = m.id();
        assertEquals(1, kr.owned().size());
        m.close();
        m.close();
        assertEquals(0, kr.owned().size());
        assertThrows(IllegalStateException.class, m::fd);
        assertEquals(List.of(), BpfFdLeaks.openKernelFds());
        assertTrue(id > 0);
    }
}
