package io.jstap.runtime.kernel;

import java.util.List;

/**
 * A program attached to one probe point: the perf event fds (one per CPU for sampling events) and the
 * link fds or raw-tracepoint fd that bind the program. Closing detaches.
 */
public final class Attachment extends KernelObject {

    private final String description;
    private final LoadedProgram program;
    private final int[] linkFds;
    private final int[] perfFds;

    Attachment(KernelResources scope, String description, LoadedProgram program, int[] linkFds, int[] perfFds) {
        super(scope);
        this.description = description;
        this.program = program;
        this.linkFds = linkFds.clone();
        this.perfFds = perfFds.clone();
    }

    /** What is probed, e.g. {@code "tracepoint syscalls:sys_enter_getppid"}. */
    public String description() {
        return description;
    }

    public LoadedProgram program() {
        return program;
    }

    /** Perf event fds (empty for raw tracepoints). */
    public List<Integer> perfFds() {
        return java.util.Arrays.stream(perfFds).boxed().toList();
    }

    /** BPF link fds (or the raw tracepoint fd). */
    public List<Integer> linkFds() {
        return java.util.Arrays.stream(linkFds).boxed().toList();
    }

    @Override
    void release() {
        // Links first: closing one detaches the program even while its perf event is open.
        for (int fd : linkFds) {
            scope().bpf().close(fd);
        }
        for (int fd : perfFds) {
            scope().bpf().close(fd);
        }
    }

    @Override
    public String toString() {
        return description + " -> " + program.name();
    }
}
