package io.jstap.linux;

import com.sun.jna.Pointer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** A {@link Sys} that records each call's attr bytes and answers from a script; makes no syscall. */
final class RecordingSys implements Sys {

    /** One recorded call: the command (or perf/ioctl marker), a copy of the attr, and the size passed. */
    record Call(String what, int cmd, byte[] attr, int size, long[] args) {
        long longAt(int off) {
            return java.nio.ByteBuffer.wrap(attr).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(off);
        }

        int intAt(int off) {
            return java.nio.ByteBuffer.wrap(attr).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(off);
        }
    }

    final List<Call> calls = new ArrayList<>();
    final List<Integer> closed = new ArrayList<>();
    private final Deque<Long> results = new ArrayDeque<>();
    private final Deque<Consumer<Pointer>> effects = new ArrayDeque<>();

    /** The next call returns {@code r} after running {@code effect} on its attr (may be null). */
    RecordingSys answer(long r, Consumer<Pointer> effect) {
        results.add(r);
        effects.add(effect == null ? p -> { } : effect);
        return this;
    }

    RecordingSys answer(long r) {
        return answer(r, null);
    }

    private long next(Pointer attr) {
        Consumer<Pointer> e = effects.poll();
        if (e != null) {
            e.accept(attr);
        }
        Long r = results.poll();
        return r == null ? 3 : r;
    }

    @Override
    public long bpf(int cmd, Pointer attr, int size) {
        byte[] passed = attr.getByteArray(0, size); // what the caller wrote, before the effect answers
        calls.add(new Call("bpf", cmd, passed, size, new long[0]));
        return next(attr);
    }

    @Override
    public long perfEventOpen(Pointer attr, int pid, int cpu, int groupFd, long flags) {
        calls.add(new Call("perf_event_open", -1, attr.getByteArray(0, 128), 128, new long[] {pid, cpu, groupFd, flags}));
        return next(attr);
    }

    @Override
    public long ioctl(int fd, long request, long arg) {
        calls.add(new Call("ioctl", -1, new byte[0], 0, new long[] {fd, request, arg}));
        return next(null);
    }

    @Override
    public long mmap(long length, int prot, int flags, int fd, long offset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long munmap(long address, long length) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long close(int fd) {
        closed.add(fd);
        return 0;
    }

    @Override
    public long epollCreate() {
        throw new UnsupportedOperationException();
    }

    @Override
    public long epollCtl(int epfd, int op, int fd, int events, long data) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long epollWait(int epfd, Pointer events, int max, int timeoutMs) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long eventfd(int initval, int flags) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long read(int fd, Pointer buf, long count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long write(int fd, Pointer buf, long count) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long mount(String source, String target, String fstype) {
        throw new UnsupportedOperationException();
    }
}
