package io.jstap.runtime.maps;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.jstap.linux.Bpf;
import io.jstap.linux.BpfException;
import io.jstap.linux.Errno;
import io.jstap.runtime.kernel.BpfMap;

/**
 * Reads every element of a map in few system calls: MAP_LOOKUP_BATCH fills native buffers with up to a few
 * thousand keys and values at a time, which are copied out in one piece each; kernels or map types without
 * batch lookup fall back to a GET_NEXT_KEY walk with one lookup per key.
 */
final class MapReader {

    /** Most elements per batch; also bounded by {@link #BATCH_BYTES} of values. */
    private static final int BATCH_MAX = 4096;
    private static final int BATCH_BYTES = 4 << 20;

    /** Receives one element: the key at {@code keys[keyOff]}, its value at {@code values[valueOff]}. */
    interface Visitor {
        void element(byte[] keys, int keyOff, byte[] values, int valueOff);
    }

    private MapReader() {
    }

    static void forEach(Bpf bpf, BpfMap map, int keySize, int valueSize, Visitor v) {
        int[] visited = new int[1];
        try {
            batched(bpf, map, keySize, valueSize, v, visited);
            return;
        } catch (BpfException e) {
            int err = e.errno();
            boolean unsupported = err == Errno.EINVAL || err == Errno.EOPNOTSUPP || err == Errno.ENOTSUPP
                    || err == Errno.ENOSPC;
            // Only a refusal before any element was visited can be retried without visiting one twice.
            if (!unsupported || visited[0] > 0) {
                throw e;
            }
        }
        walk(bpf, map, keySize, valueSize, v);
    }

    private static void batched(Bpf bpf, BpfMap map, int keySize, int valueSize, Visitor v, int[] visited) {
        int cap = Math.max(1, Math.min(Math.min(map.spec().maxEntries(), BATCH_MAX), BATCH_BYTES / valueSize));
        Memory keys = new Memory((long) keySize * cap);
        Memory values = new Memory((long) valueSize * cap);
        int tokenSize = Math.max(keySize, 8);
        Memory in = new Memory(tokenSize);
        Memory out = new Memory(tokenSize);
        byte[] keyBytes = new byte[keySize * cap];
        byte[] valueBytes = new byte[valueSize * cap];
        boolean first = true;
        while (true) {
            Bpf.Batch b = bpf.lookupBatch(map.fd(), first ? null : in, out, keys, values, cap);
            int n = b.count();
            if (n > 0) {
                keys.read(0, keyBytes, 0, n * keySize);
                values.read(0, valueBytes, 0, n * valueSize);
                for (int i = 0; i < n; i++) {
                    v.element(keyBytes, i * keySize, valueBytes, i * valueSize);
                }
                visited[0] += n;
            }
            if (b.done()) {
                return;
            }
            copy(out, in, tokenSize);
            first = false;
        }
    }

    private static void copy(Pointer from, Pointer to, int n) {
        to.write(0, from.getByteArray(0, n), 0, n);
    }

    private static void walk(Bpf bpf, BpfMap map, int keySize, int valueSize, Visitor v) {
        Memory cur = new Memory(keySize);
        Memory next = new Memory(keySize);
        Memory value = new Memory(valueSize);
        byte[] keyBytes = new byte[keySize];
        byte[] valueBytes = new byte[valueSize];
        Pointer prev = null;
        while (bpf.nextKey(map.fd(), prev, next)) {
            copy(next, cur, keySize);
            prev = cur;
            if (bpf.lookup(map.fd(), cur, value)) { // the element may have gone in between
                cur.read(0, keyBytes, 0, keySize);
                value.read(0, valueBytes, 0, valueSize);
                v.element(keyBytes, 0, valueBytes, 0);
            }
        }
    }
}
