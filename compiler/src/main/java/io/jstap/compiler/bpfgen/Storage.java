package io.jstap.compiler.bpfgen;

import io.jstap.compiler.ir.SrcLoc;

/**
 * Compile-time allocation of a probe's memory, both last-in first-out: the 512-byte BPF stack
 * (8-byte slots addressed from R10, for longs, spills and small keys) and the per-CPU scratch value
 * (addressed from R9, for strings, keys and records). Allocation follows the nesting of the code, so
 * a mark taken before evaluating something and reset after it frees everything that evaluation used.
 */
final class Storage {

    static final int STACK_BYTES = 512;
    /** A per-CPU array value may not exceed 32 KiB (the kernel's PCPU_MIN_UNIT_SIZE). */
    static final int SCRATCH_LIMIT = 32 * 1024;

    private final String probe;
    private int stackTop;
    private int stackMax;
    private int scratchTop;
    private int scratchMax;

    Storage(String probe) {
        this.probe = probe;
    }

    /** An 8-byte stack slot; the result is its (negative) offset from R10. */
    int stackSlot(SrcLoc loc) {
        return stackBytes(8, loc);
    }

    /** {@code bytes} (a multiple of 8) of stack; the result is the lowest offset from R10. */
    int stackBytes(int bytes, SrcLoc loc) {
        int size = align8(bytes);
        stackTop += size;
        if (stackTop > STACK_BYTES) {
            throw new CodegenException("probe " + probe + " needs more than the " + STACK_BYTES
                    + " bytes of BPF stack (too many long locals or nested expressions)", loc);
        }
        stackMax = Math.max(stackMax, stackTop);
        return -stackTop;
    }

    int stackMark() {
        return stackTop;
    }

    void stackReset(int mark) {
        if (mark > stackTop) {
            throw new IllegalStateException("stack reset to " + mark + " above top " + stackTop);
        }
        stackTop = mark;
    }

    /** {@code bytes} of scratch, 8-byte aligned; the result is the offset from R9. */
    int scratch(int bytes, SrcLoc loc) {
        int off = scratchTop;
        scratchTop += align8(bytes);
        if (scratchTop > SCRATCH_LIMIT) {
            throw new CodegenException("probe " + probe + " needs more than " + SCRATCH_LIMIT
                    + " bytes of scratch memory for its strings, keys and records (lower MAXSTRINGLEN)", loc);
        }
        scratchMax = Math.max(scratchMax, scratchTop);
        return off;
    }

    int scratchMark() {
        return scratchTop;
    }

    void scratchReset(int mark) {
        if (mark > scratchTop) {
            throw new IllegalStateException("scratch reset to " + mark + " above top " + scratchTop);
        }
        scratchTop = mark;
    }

    int stackUsed() {
        return stackMax;
    }

    int scratchUsed() {
        return scratchMax;
    }

    static int align8(int n) {
        return (n + 7) & ~7;
    }
}
