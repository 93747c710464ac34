package io.jstap.linux;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A region mapped with mmap(2); {@link #close()} unmaps it. */
public final class Mapping implements AutoCloseable {

    public static final int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1;

    private final Sys sys;
    private final long address;
    private final long length;
    private boolean closed;

    private Mapping(Sys sys, long address, long length) {
        this.sys = sys;
        this.address = address;
        this.length = length;
    }

    /** mmap(NULL, length, prot, MAP_SHARED, fd, offset). */
    public static Mapping map(Sys sys, int fd, long offset, long length, int prot, String what) {
        long a = sys.mmap(length, prot, MAP_SHARED, fd, offset);
        if (a < 0 && a > -4096) {
            throw new NativeException("mmap", (int) -a, "mapping " + what + " (" + length + " bytes) failed: "
                    + Errno.text((int) -a));
        }
        return new Mapping(sys, a, length);
    }

    public long address() {
        return address;
    }

    public long length() {
        return length;
    }

    /** A little-endian direct view of the whole region; it must not be used after close. */
    public ByteBuffer buffer() {
        return new Pointer(address).getByteBuffer(0, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            sys.munmap(address, length);
        }
    }
}
