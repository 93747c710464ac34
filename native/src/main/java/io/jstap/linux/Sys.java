package io.jstap.linux;

import com.sun.jna.Pointer;

/**
 * The choke point through which every system call of the loader passes, so a fake can stand in for
 * unit tests. Each method returns the kernel's result ({@code >= 0}) or {@code -errno}, as the kernel
 * itself does; callers turn failures into typed exceptions.
 */
public interface Sys {

    /** bpf(cmd, attr, size). */
    long bpf(int cmd, Pointer attr, int size);

    /** perf_event_open(attr, pid, cpu, groupFd, flags). */
    long perfEventOpen(Pointer attr, int pid, int cpu, int groupFd, long flags);

    /** ioctl(fd, request, arg) with an integer argument (or an address). */
    long ioctl(int fd, long request, long arg);

    /** mmap(NULL, length, prot, flags, fd, offset); the address on success. */
    long mmap(long length, int prot, int flags, int fd, long offset);

    long munmap(long address, long length);

    long close(int fd);

    /** epoll_create1(EPOLL_CLOEXEC). */
    long epollCreate();

    /** epoll_ctl(epfd, op, fd, &{events, data}). */
    long epollCtl(int epfd, int op, int fd, int events, long data);

    /** epoll_wait(epfd, events, max, timeout); events is an array of packed 12-byte epoll_event. */
    long epollWait(int epfd, Pointer events, int max, int timeoutMs);

    /** eventfd2(initval, flags). */
    long eventfd(int initval, int flags);

    long read(int fd, Pointer buf, long count);

    long write(int fd, Pointer buf, long count);

    /** mount(source, target, fstype, 0, NULL). */
    long mount(String source, String target, String fstype);
}
