package io.jstap.runtime.kernel;

import io.jstap.linux.MapSpec;
import io.jstap.linux.MapType;
import io.jstap.linux.ProgType;

/**
 * Run in a child JVM by {@link CleanupKernelTest}: loads programs, attaches them, prints
 * {@code ids prog=A,B map=C link=D}, then waits to be killed. With argument {@code handlers} it
 * installs {@link Cleanup#handleSignals()}; otherwise the JVM's default handlers run the shutdown hook.
 */
public final class CleanupChild {

    private CleanupChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("handlers")) {
            Cleanup.handleSignals();
        }
        KernelResources kr = new KernelResources();
        BpfMap counts = kr.createMap(MapSpec.of(MapType.ARRAY, "counts", 4, 8, 4));
        LoadedProgram tp = kr.load(TestPrograms.load(ProgType.TRACEPOINT, "child_tp",
                TestPrograms.countForTgid(1, 0), counts));
        LoadedProgram raw = kr.load(TestPrograms.load(ProgType.RAW_TRACEPOINT, "child_raw",
                TestPrograms.countForTgid(1, 1), counts));
        kr.attachTracepoint(tp, "syscalls", "sys_enter_getppid", 1);
        Attachment rawLink = kr.attachRawTracepoint(raw, "sys_enter");
        int linkId = kr.bpf().linkInfo(rawLink.linkFds().get(0)).id();
        System.out.println("ids prog=" + tp.id() + "," + raw.id() + " map=" + counts.id() + " link=" + linkId);
        System.out.flush();
        Thread.sleep(60_000);
    }
}
