package io.jstap.linux;

import com.sun.jna.Memory;
import java.lang.ref.Reference;

/** perf_event_open(2) and the perf ioctls, over a {@link Sys}. */
public final class Perf {

    public static final long IOC_ENABLE = 0x2400, IOC_DISABLE = 0x2401, IOC_RESET = 0x2403,
            IOC_SET_BPF = 0x40042408L;
    public static final long FLAG_FD_CLOEXEC = 8;

    private final Sys sys;

    public Perf(Sys sys) {
        this.sys = sys;
    }

    /** The 128-byte attr as the kernel reads it. */
    static Memory encode(PerfEventAttr attr, Memory target) {
        Memory m = Bpf.attr(PerfEventAttr.SIZE);
        m.setInt(0, attr.type());
        m.setInt(4, PerfEventAttr.SIZE);
        m.setLong(8, attr.config());
        m.setLong(16, attr.periodOrFreq());
        m.setLong(40, attr.flags());
        m.setInt(48, 1); // wakeup_events
        if (target != null) {
            m.setPointer(56, target);
            m.setLong(64, attr.probeOffset());
        }
        return m;
    }

    /**
     * Opens an event; {@code pid = -1, cpu = n} for system-wide on one CPU. {@code what} names the
     * event in error messages ("tracepoint syscalls:sys_enter_openat").
     */
    public int open(PerfEventAttr attr, int pid, int cpu, String what) {
        Memory target = attr.probeTarget() == null ? null : LinuxSys.cString(attr.probeTarget());
        Memory m = encode(attr, target);
        long r = sys.perfEventOpen(m, pid, cpu, -1, FLAG_FD_CLOEXEC);
        Reference.reachabilityFence(target);
        if (r < 0) {
            throw openError((int) -r, attr, what);
        }
        return (int) r;
    }

    private static NativeException openError(int errno, PerfEventAttr attr, String what) {
        String s;
        switch (errno) {
            case Errno.EPERM:
            case Errno.EACCES:
                s = "opening " + what + " needs root or CAP_PERFMON";
                break;
            case Errno.ENOENT:
                s = attr.probeTarget() != null ? "cannot open " + what + ": '" + attr.probeTarget()
                        + "' does not exist" : what + " does not exist on this kernel";
                break;
            case Errno.ENOTSUPP:
                s = "cannot open " + what + ": offset 0x" + Long.toHexString(attr.probeOffset())
                        + " is not at an instruction boundary";
                break;
            case Errno.ENODEV:
            case Errno.EOPNOTSUPP:
                s = what + " is not supported by this machine's performance monitoring unit";
                break;
            case Errno.EMFILE:
                s = "cannot open " + what + ": too many open files (raise ulimit -n)";
                break;
            default:
                s = "opening " + what + " failed: " + Errno.text(errno);
        }
        return new NativeException("perf_event_open", errno, s);
    }

    public void enable(int fd) {
        ioctl(fd, IOC_ENABLE, 0, "enabling perf event");
    }

    public void disable(int fd) {
        ioctl(fd, IOC_DISABLE, 0, "disabling perf event");
    }

    /** PERF_EVENT_IOC_SET_BPF: the program runs from this moment, even before ENABLE. */
    public void setBpf(int fd, int progFd, String what) {
        long r = sys.ioctl(fd, IOC_SET_BPF, progFd);
        if (r < 0) {
            int e = (int) -r;
            String s = e == Errno.EEXIST ? "a program is already attached to " + what + " (load a second copy)"
                    : e == Errno.EACCES ? "the kernel refused to attach to " + what
                            + ": the program reads past the end of the event's record"
                    : e == Errno.EINVAL ? "the kernel refused to attach to " + what
                            + ": the program's type does not fit this kind of event"
                    : "attaching to " + what + " failed: " + Errno.text(e);
            throw new NativeException("ioctl(PERF_EVENT_IOC_SET_BPF)", e, s);
        }
    }

    private void ioctl(int fd, long req, long arg, String what) {
        long r = sys.ioctl(fd, req, arg);
        if (r < 0) {
            throw NativeException.of(what, (int) -r);
        }
    }

    public void close(int fd) {
        sys.close(fd);
    }
}
