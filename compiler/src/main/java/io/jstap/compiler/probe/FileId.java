package io.jstap.compiler.probe;

/**
 * Which file an executable is, as the kernel sees it: the device number in the kernel's own encoding
 * ({@code major << 20 | minor}, as {@code super_block.s_dev} holds it) and the inode number.
 */
public record FileId(long dev, long ino) {

    /** Converts a user-space {@code st_dev} (glibc's encoding) to the kernel's. */
    public static long kernelDev(long stDev) {
        long major = ((stDev >>> 8) & 0xfff) | ((stDev >>> 32) & ~0xfffL);
        long minor = (stDev & 0xff) | ((stDev >>> 12) & ~0xffL);
        return (major << 20) | minor;
    }
}
