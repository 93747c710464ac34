package io.jstap.compiler.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** glibc's st_dev encoding to the kernel's MKDEV (major << 20 | minor), as super_block.s_dev holds it. */
class FileIdTest {

    @Test
    void kernelDeviceNumbers() {
        assertEquals(0xfe00000L, FileId.kernelDev(0xfe00)); // 254:0, a virtio disk
        assertEquals((259L << 20) | 1, FileId.kernelDev(0x10301)); // 259:1, an NVMe partition
        assertEquals((259L << 20) | 0x100, FileId.kernelDev(0x110300)); // minor above 255
        assertEquals((0x1234L << 20) | 5, FileId.kernelDev((0x1000L << 32) | (0x234 << 8) | 5)); // major above 4095
        assertEquals(0, FileId.kernelDev(0));
    }
}
