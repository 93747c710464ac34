package io.jstap.runtime.kernel;

import java.nio.file.Path;

/**
 * Where a uprobe goes: a function symbol (plus a byte offset into it) of an executable or shared
 * library, or a raw file offset when {@code symbol} is null. {@code pid} -1 probes every process that
 * maps the file; otherwise only that task (perf's pid is a thread id). {@code refCtrOffset} is the file
 * offset of a USDT semaphore the kernel increments in every process while the probe is attached (0: none).
 */
public record UprobeTarget(Path binary, String symbol, long offset, boolean ret, int pid, long refCtrOffset) {

    public UprobeTarget(Path binary, String symbol, long offset, boolean ret, int pid) {
        this(binary, symbol, offset, ret, pid, 0);
    }

    public UprobeTarget {
        binary = binary.toAbsolutePath().normalize();
        if (symbol == null && offset <= 0) {
            throw new IllegalArgumentException("uprobe on " + binary + " needs a symbol or a file offset");
        }
    }

    /** Where a module's uprobe attachment goes: by symbol or file offset, return, pid and semaphore. */
    public static UprobeTarget of(io.jstap.compiler.module.Attach.Uprobe u) {
        Path file = Path.of(u.path());
        UprobeTarget t = u.symbol() != null && u.fileOffset() <= 0 ? function(file, u.symbol())
                : fileOffset(file, u.fileOffset());
        t = u.ret() ? t.returning() : t;
        t = u.pid() > 0 ? t.forPid(u.pid()) : t;
        return u.semaphoreOffset() != 0 ? t.withSemaphore(u.semaphoreOffset()) : t;
    }

    public static UprobeTarget function(Path binary, String symbol) {
        return new UprobeTarget(binary, symbol, 0, false, -1);
    }

    public static UprobeTarget fileOffset(Path binary, long offset) {
        return new UprobeTarget(binary, null, offset, false, -1);
    }

    /** The same point as a return probe (uretprobe). */
    public UprobeTarget returning() {
        return new UprobeTarget(binary, symbol, offset, true, pid, refCtrOffset);
    }

    /** The same point limited to one task. */
    public UprobeTarget forPid(int newPid) {
        return new UprobeTarget(binary, symbol, offset, ret, newPid, refCtrOffset);
    }

    /** The same point with a USDT semaphore at file offset {@code semaphore}. */
    public UprobeTarget withSemaphore(long semaphore) {
        return new UprobeTarget(binary, symbol, offset, ret, pid, semaphore);
    }

    public String describe() {
        String at = symbol == null ? "0x" + Long.toHexString(offset)
                : offset == 0 ? symbol : symbol + "+0x" + Long.toHexString(offset);
        return (ret ? "uretprobe " : "uprobe ") + binary + ":" + at + (pid >= 0 ? " (pid " + pid + ")" : "");
    }
}
