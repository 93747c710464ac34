package io.jstap.runtime.kernel;

import io.jstap.linux.ObjectInfo;
import io.jstap.linux.ProgType;

/** A program the verifier accepted; closing it unloads it once no attachment holds it. */
public final class LoadedProgram extends KernelObject {

    private final int fd;
    private final String name;
    private final ProgType type;
    private final String verifierLog;
    private final long loadNanos;

    LoadedProgram(KernelResources scope, int fd, String name, ProgType type, String verifierLog, long loadNanos) {
        super(scope);
        this.fd = fd;
        this.name = name;
        this.type = type;
        this.verifierLog = verifierLog;
        this.loadNanos = loadNanos;
    }

    public int fd() {
        ensureOpen();
        return fd;
    }

    public String name() {
        return name;
    }

    public ProgType type() {
        return type;
    }

    /** The verifier's log; empty unless the load asked for one. */
    public String verifierLog() {
        return verifierLog;
    }

    /** Wall time of PROG_LOAD, for reports. */
    public long loadNanos() {
        return loadNanos;
    }

    /** The kernel's id (as {@code bpftool prog list} shows it). */
    public int id() {
        return info().id();
    }

    public ObjectInfo.Prog info() {
        return scope().bpf().progInfo(fd());
    }

    @Override
    void release() {
        scope().bpf().close(fd);
    }

    @Override
    public String toString() {
        return "program " + name + " (" + type + ", fd " + fd + ")";
    }
}
