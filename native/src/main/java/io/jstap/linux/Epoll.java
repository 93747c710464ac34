package io.jstap.linux;

import com.sun.jna.Memory;

/**
 * An epoll set with a built-in eventfd, so another thread can wake a waiter at once ({@link #wake()});
 * closing an fd does not wake a thread blocked in epoll_wait.
 */
public final class Epoll implements AutoCloseable {

    public static final int EPOLLIN = 1;
    private static final int CTL_ADD = 1, EFD_CLOEXEC = 0x80000, EFD_NONBLOCK = 0x800;
    private static final long WAKE_TAG = -1L;
    private static final int MAX_EVENTS = 16;

    private final Sys sys;
    private final int epfd;
    private final int eventFd;
    private final Memory events = new Memory(12L * MAX_EVENTS);
    private final Memory counter = new Memory(8);
    private volatile boolean woken;
    private boolean closed;

    public Epoll(Sys sys) {
        this.sys = sys;
        long ep = sys.epollCreate();
        if (ep < 0) {
            throw NativeException.of("epoll_create1", (int) -ep);
        }
        long ev = sys.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (ev < 0) {
            sys.close((int) ep);
            throw NativeException.of("eventfd", (int) -ev);
        }
        epfd = (int) ep;
        eventFd = (int) ev;
        add(eventFd, WAKE_TAG);
    }

    /** Watches {@code fd} for readability; {@code tag} is what {@link #await} reports. */
    public void add(int fd, long tag) {
        long r = sys.epollCtl(epfd, CTL_ADD, fd, EPOLLIN, tag);
        if (r < 0) {
            throw NativeException.of("epoll_ctl", (int) -r);
        }
    }

    /**
     * Waits up to {@code timeoutMs} (-1 forever). Returns how many watched fds are ready, not counting
     * a wake-up; EINTR counts as zero.
     */
    public int await(int timeoutMs) {
        long n = sys.epollWait(epfd, events, MAX_EVENTS, timeoutMs);
        if (n == -Errno.EINTR) {
            return 0;
        }
        if (n < 0) {
            throw NativeException.of("epoll_wait", (int) -n);
        }
        int ready = 0;
        for (int i = 0; i < n; i++) {
            if (events.getLong(12L * i + 4) == WAKE_TAG) {
                sys.read(eventFd, counter, 8); // reset the eventfd so the next wait blocks
            } else {
                ready++;
            }
        }
        return ready;
    }

    /** Makes a current or next {@link #await} return; {@link #woken()} then stays true. */
    public void wake() {
        woken = true;
        Memory one = new Memory(8);
        one.setLong(0, 1);
        sys.write(eventFd, one, 8);
    }

    public boolean woken() {
        return woken;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            sys.close(epfd);
            sys.close(eventFd);
        }
    }
}
