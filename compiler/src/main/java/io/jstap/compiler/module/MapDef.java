package io.jstap.compiler.module;

import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import java.util.List;

/**
 * One BPF map of a module and how its bytes are laid out. Globals get one map each, named after the
 * global (DESIGN §4); the module adds internal maps (scratch, output ring, drop counters).
 *
 * @param name       map name (also the global's name for {@link Role#GLOBAL})
 * @param kind       BPF map type
 * @param keySize    bytes of a key (4 for arrays)
 * @param valueSize  bytes of one value (per CPU for per-CPU maps)
 * @param maxEntries entries (ring buffer: its byte size)
 * @param role       what the map is for
 * @param global     the global it stores, or null for internal maps
 * @param keyFields  fixed-width key fields in order (long: 8 bytes, string: MAXSTRINGLEN bytes, zero padded);
 *                   empty for scalars (key is the u32 0 of a one-entry array) and internal maps
 * @param value      how a value is laid out
 */
public record MapDef(String name, MapKind kind, int keySize, int valueSize, int maxEntries, Role role,
                     GlobalDecl global, List<KeyField> keyFields, ValueLayout value) {

    public MapDef {
        keyFields = List.copyOf(keyFields);
    }

    /**
     * BPF map types. LRU_HASH / LRU_PERCPU_HASH hold wrapping globals ({@code global x%}): when full, the
     * kernel evicts a least recently used element instead of failing the insert.
     */
    public enum MapKind { HASH, PERCPU_HASH, ARRAY, PERCPU_ARRAY, RINGBUF, LRU_HASH, LRU_PERCPU_HASH }

    /** Byte offsets of the u64 settings in the value of the {@link Role#CONFIG} map. */
    public static final int CONFIG_TARGET = 0;
    /** Nanoseconds to add to CLOCK_BOOTTIME ({@code ktime_get_boot_ns}) to get the epoch time of day. */
    public static final int CONFIG_BOOT_TO_EPOCH_NS = 8;
    public static final int CONFIG_SIZE = 16;

    public enum Role {
        /** A script global. */
        GLOBAL,
        /** Per-CPU scratch memory for strings, keys and records too big for the 512-byte stack. */
        SCRATCH,
        /** The ring buffer carrying printf, exit, error and warning records to the runtime. */
        OUTPUT,
        /** Per-CPU u64 counters of records the ring buffer could not take (index 0), and other tallies. */
        COUNTERS,
        /**
         * A one-entry ARRAY of u64 settings the runtime writes before attaching (kernel code only reads it):
         * {@code target()} at {@link #CONFIG_TARGET}, the boot-to-epoch clock offset at
         * {@link #CONFIG_BOOT_TO_EPOCH_NS}.
         */
        CONFIG
    }

    /** A field of a key: its type, byte offset and width. */
    public record KeyField(IrType type, int offset, int size) {
    }

    /**
     * Value layouts. LONG: an s64 at 0. STRING: NUL-terminated bytes, {@code size} wide. STATS: see
     * {@link StatsLayout}. RAW: internal maps whose bytes only the code generator interprets.
     */
    public record ValueLayout(Kind kind, int size, StatsLayout stats) {
        public enum Kind { LONG, STRING, STATS, RAW }

        public static ValueLayout ofLong() {
            return new ValueLayout(Kind.LONG, 8, null);
        }

        public static ValueLayout ofString(int maxStringLen) {
            return new ValueLayout(Kind.STRING, maxStringLen, null);
        }

        public static ValueLayout ofStats(StatsLayout layout) {
            return new ValueLayout(Kind.STATS, layout.size(), layout);
        }

        public static ValueLayout raw(int size) {
            return new ValueLayout(Kind.RAW, size, null);
        }
    }

    public boolean perCpu() {
        return kind == MapKind.PERCPU_HASH || kind == MapKind.PERCPU_ARRAY || kind == MapKind.LRU_PERCPU_HASH;
    }

    public boolean isScalar() {
        return role == Role.GLOBAL && keyFields.isEmpty();
    }
}
