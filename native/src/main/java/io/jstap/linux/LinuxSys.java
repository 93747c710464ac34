package io.jstap.linux;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;

/** The real {@link Sys}: raw x86_64 system calls through glibc's {@code syscall()}. */
public final class LinuxSys implements Sys {

    private static final long NR_READ = 0, NR_WRITE = 1, NR_CLOSE = 3, NR_MMAP = 9, NR_MUNMAP = 11,
            NR_IOCTL = 16, NR_MOUNT = 165, NR_EPOLL_WAIT = 232, NR_EPOLL_CTL = 233, NR_EVENTFD2 = 290,
            NR_EPOLL_CREATE1 = 291, NR_PERF_EVENT_OPEN = 298, NR_BPF = 321;
    private static final int EPOLL_CLOEXEC = 0x80000;

    private static final LinuxSys INSTANCE = new LinuxSys();

    private LinuxSys() {
    }

    /** The process-wide instance (loading it binds glibc). */
    public static LinuxSys get() {
        return INSTANCE;
    }

    private static long addr(Pointer p) {
        return Pointer.nativeValue(p);
    }

    @Override
    public long bpf(int cmd, Pointer attr, int size) {
        return LibC.call(NR_BPF, cmd, addr(attr), size, 0, 0, 0);
    }

    @Override
    public long perfEventOpen(Pointer attr, int pid, int cpu, int groupFd, long flags) {
        return LibC.call(NR_PERF_EVENT_OPEN, addr(attr), pid, cpu, groupFd, flags, 0);
    }

    @Override
    public long ioctl(int fd, long request, long arg) {
        return LibC.call(NR_IOCTL, fd, request, arg, 0, 0, 0);
    }

    @Override
    public long mmap(long length, int prot, int flags, int fd, long offset) {
        return LibC.call(NR_MMAP, 0, length, prot, flags, fd, offset);
    }

    @Override
    public long munmap(long address, long length) {
        return LibC.call(NR_MUNMAP, address, length, 0, 0, 0, 0);
    }

    @Override
    public long close(int fd) {
        return LibC.call(NR_CLOSE, fd, 0, 0, 0, 0, 0);
    }

    @Override
    public long epollCreate() {
        return LibC.call(NR_EPOLL_CREATE1, EPOLL_CLOEXEC, 0, 0, 0, 0, 0);
    }

    @Override
    public long epollCtl(int epfd, int op, int fd, int events, long data) {
        Memory ev = new Memory(12); // struct epoll_event is packed on x86_64
        ev.setInt(0, events);
        ev.setLong(4, data);
        long r = LibC.call(NR_EPOLL_CTL, epfd, op, fd, addr(ev), 0, 0);
        Reference.reachabilityFence(ev);
        return r;
    }

    @Override
    public long epollWait(int epfd, Pointer events, int max, int timeoutMs) {
        return LibC.call(NR_EPOLL_WAIT, epfd, addr(events), max, timeoutMs, 0, 0);
    }

    @Override
    public long eventfd(int initval, int flags) {
        return LibC.call(NR_EVENTFD2, initval, flags, 0, 0, 0, 0);
    }

    @Override
    public long read(int fd, Pointer buf, long count) {
        return LibC.call(NR_READ, fd, addr(buf), count, 0, 0, 0);
    }

    @Override
    public long write(int fd, Pointer buf, long count) {
        return LibC.call(NR_WRITE, fd, addr(buf), count, 0, 0, 0);
    }

    @Override
    public long mount(String source, String target, String fstype) {
        Memory s = cString(source);
        Memory t = cString(target);
        Memory f = cString(fstype);
        long r = LibC.call(NR_MOUNT, addr(s), addr(t), addr(f), 0, 0, 0);
        Reference.reachabilityFence(s);
        Reference.reachabilityFence(t);
        Reference.reachabilityFence(f);
        return r;
    }

    /** A NUL-terminated UTF-8 copy of {@code s} in native memory. */
    public static Memory cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        Memory m = new Memory(b.length + 1L);
        m.write(0, b, 0, b.length);
        m.setByte(b.length, (byte) 0);
        return m;
    }
}
