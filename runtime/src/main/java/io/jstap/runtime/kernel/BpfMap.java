package io.jstap.runtime.kernel;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.jstap.linux.Bpf;
import io.jstap.linux.BpfException;
import io.jstap.linux.Cpus;
import io.jstap.linux.Errno;
import io.jstap.linux.MapSpec;
import io.jstap.linux.MapType;
import io.jstap.linux.ObjectInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A BPF map owned by a scope. Values of per-CPU maps hold one 8-byte-aligned slot per possible CPU. */
public final class BpfMap extends KernelObject {

    private static final int BATCH_MAX = 4096;

    /** One key with its value (all CPU slots for per-CPU maps). */
    public record Entry(byte[] key, byte[] value) {
    }

    private final MapSpec spec;
    private final int fd;
    private final int valueBytes;

    BpfMap(KernelResources scope, MapSpec spec, int fd) {
        super(scope);
        this.spec = spec;
        this.fd = fd;
        this.valueBytes = spec.type().perCpu() ? perCpuSlot(spec.valueSize()) * Cpus.possibleCount()
                : spec.valueSize();
    }

    /** Bytes one CPU's value occupies in a per-CPU value buffer. */
    public static int perCpuSlot(int valueSize) {
        return (valueSize + 7) & ~7;
    }

    public MapSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public MapType type() {
        return spec.type();
    }

    public int fd() {
        ensureOpen();
        return fd;
    }

    public int id() {
        return info().id();
    }

    public ObjectInfo.Map info() {
        return bpf().mapInfo(fd());
    }

    /** Size of the buffer a lookup fills: value size, or the slot size times possible CPUs. */
    public int valueBufferSize() {
        return valueBytes;
    }

    private Bpf bpf() {
        return scope().bpf();
    }

    private Memory keyMemory(byte[] key) {
        if (key.length != spec.keySize()) {
            throw new IllegalArgumentException("map " + name() + " has " + spec.keySize() + "-byte keys, not "
                    + key.length);
        }
        Memory m = new Memory(Math.max(1, key.length));
        m.write(0, key, 0, key.length);
        return m;
    }

    /** Lookup into caller-owned native buffers (the polling path: no allocation). */
    public boolean lookup(Pointer key, Pointer value) {
        return bpf().lookup(fd(), key, value);
    }

    public Optional<byte[]> lookup(byte[] key) {
        Memory v = new Memory(valueBytes);
        return lookup(keyMemory(key), v) ? Optional.of(v.getByteArray(0, valueBytes)) : Optional.empty();
    }

    public void update(byte[] key, byte[] value) {
        update(key, value, Bpf.ANY);
    }

    /** Update with {@link Bpf#ANY}, {@link Bpf#NOEXIST} or {@link Bpf#EXIST}. */
    public void update(byte[] key, byte[] value, long flags) {
        if (value.length != valueBytes) {
            throw new IllegalArgumentException("map " + name() + " takes " + valueBytes + "-byte values, not "
                    + value.length);
        }
        Memory v = new Memory(valueBytes);
        v.write(0, value, 0, value.length);
        bpf().update(fd(), keyMemory(key), v, flags);
    }

    /** False when the key was absent. */
    public boolean delete(byte[] key) {
        return bpf().delete(fd(), keyMemory(key));
    }

    /** Pops a value (key is ignored for queues and stacks: pass an empty array). */
    public Optional<byte[]> lookupAndDelete(byte[] key) {
        Memory v = new Memory(valueBytes);
        Memory k = key.length == 0 ? null : keyMemory(key);
        return bpf().lookupAndDelete(fd(), k, v) ? Optional.of(v.getByteArray(0, valueBytes)) : Optional.empty();
    }

    /** Every key, walked with GET_NEXT_KEY (order is the kernel's). */
    public List<byte[]> keys() {
        List<byte[]> out = new ArrayList<>();
        int ks = spec.keySize();
        Memory cur = new Memory(ks);
        Memory next = new Memory(ks);
        Pointer prev = null;
        while (bpf().nextKey(fd(), prev, next)) {
            out.add(next.getByteArray(0, ks));
            cur.write(0, out.get(out.size() - 1), 0, ks);
            prev = cur;
        }
        return out;
    }

    /** Every entry; batched lookups where the kernel has them, key-by-key otherwise. */
    public List<Entry> entries() {
        try {
            return batchEntries();
        } catch (BpfException e) {
            int err = e.errno();
            if (err != Errno.EINVAL && err != Errno.EOPNOTSUPP && err != Errno.ENOTSUPP && err != Errno.ENOSPC) {
                throw e;
            }
        }
        List<Entry> out = new ArrayList<>();
        for (byte[] k : keys()) {
            lookup(k).ifPresent(v -> out.add(new Entry(k, v)));
        }
        return out;
    }

    private List<Entry> batchEntries() {
        int ks = spec.keySize();
        int cap = Math.min(spec.maxEntries(), BATCH_MAX);
        Memory keys = new Memory((long) ks * cap);
        Memory values = new Memory((long) valueBytes * cap);
        Memory in = new Memory(Math.max(ks, 8));
        Memory outTok = new Memory(Math.max(ks, 8));
        List<Entry> out = new ArrayList<>();
        boolean first = true;
        while (true) {
            Bpf.Batch b = bpf().lookupBatch(fd(), first ? null : in, outTok, keys, values, cap);
            for (int i = 0; i < b.count(); i++) {
                out.add(new Entry(keys.getByteArray((long) i * ks, ks),
                        values.getByteArray((long) i * valueBytes, valueBytes)));
            }
            if (b.done()) {
                return out;
            }
            in.write(0, outTok.getByteArray(0, (int) outTok.size()), 0, (int) outTok.size());
            first = false;
        }
    }

    /** The u64 at {@code offset} of every CPU's slot of a per-CPU value; empty when the key is absent. */
    public Optional<long[]> perCpuLongs(byte[] key, int offset) {
        if (!spec.type().perCpu()) {
            throw new IllegalStateException("map " + name() + " is not a per-CPU map");
        }
        return lookup(key).map(v -> {
            ByteBuffer b = ByteBuffer.wrap(v).order(ByteOrder.LITTLE_ENDIAN);
            int slot = perCpuSlot(spec.valueSize());
            long[] out = new long[v.length / slot];
            for (int i = 0; i < out.length; i++) {
                out[i] = b.getLong(i * slot + offset);
            }
            return out;
        });
    }

    /** The sum over CPUs of the u64 at {@code offset}; 0 when the key is absent. */
    public long sumPerCpuLong(byte[] key, int offset) {
        long sum = 0;
        for (long x : perCpuLongs(key, offset).orElse(new long[0])) {
            sum += x;
        }
        return sum;
    }

    /** After freezing, user space can no longer write the map (read-only data for snprintf/strncmp). */
    public void freeze() {
        bpf().freeze(fd());
    }

    public static byte[] intKey(int k) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(k).array();
    }

    public static byte[] longKey(long k) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(k).array();
    }

    @Override
    void release() {
        bpf().close(fd);
    }

    @Override
    public String toString() {
        return "map " + name() + " (" + spec.type() + ", fd " + fd + ")";
    }
}
