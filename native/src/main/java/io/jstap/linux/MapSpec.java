package io.jstap.linux;

/** What MAP_CREATE needs. For RINGBUF, key and value sizes are 0 and maxEntries is the byte size. */
public record MapSpec(MapType type, String name, int keySize, int valueSize, int maxEntries, int flags) {

    public static final int F_NO_PREALLOC = 0x1, F_RDONLY_PROG = 0x80, F_WRONLY_PROG = 0x100,
            F_MMAPABLE = 0x400;

    public MapSpec {
        name = ObjectName.sanitize(name);
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("map " + name + " needs at least one entry");
        }
    }

    public static MapSpec of(MapType type, String name, int keySize, int valueSize, int maxEntries) {
        return new MapSpec(type, name, keySize, valueSize, maxEntries, 0);
    }

    /** A ring buffer of {@code bytes} data bytes (a power of two, at least one page). */
    public static MapSpec ringBuffer(String name, int bytes) {
        if (bytes < 4096 || Integer.bitCount(bytes) != 1) {
            throw new IllegalArgumentException("ring buffer size " + bytes + " is not a power of two >= 4096");
        }
        return new MapSpec(MapType.RINGBUF, name, 0, 0, bytes, 0);
    }

    public MapSpec withFlags(int newFlags) {
        return new MapSpec(type, name, keySize, valueSize, maxEntries, newFlags);
    }
}
