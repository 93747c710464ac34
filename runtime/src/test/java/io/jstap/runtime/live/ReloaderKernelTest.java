package io.jstap.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.bpf.Program;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.Module;
import io.jstap.runtime.kernel.BpfMap;
import io.jstap.runtime.kernel.KernelResources;
import io.jstap.runtime.session.KernelFds;
import io.jstap.runtime.session.Modules;
import io.jstap.runtime.session.SessionKernelTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The reload transaction on hand-built modules: what the kernel refuses (an attach point, a program) leaves
 * the running generation exactly as it was; unchanged maps and probes are handed over, reshaped maps are new.
 */
@Tag("kernel")
class ReloaderKernelTest extends SessionKernelTest {

    private static final MapRef COUNT = new MapRef("count");

    private static Module module(KernelProbe... probes) {
        Modules.Builder b = new Modules.Builder().map(Modules.scalar("count", IrType.LONG, false));
        for (KernelProbe p : probes) {
            b.kernel(p);
        }
        return b.build();
    }

    private static KernelProbe counting(String category, String event) {
        return Modules.tracepoint(1, "count_" + event, Modules.counter(COUNT, tgid()), category, event,
                Modules.increment("count"));
    }

    private static long count(KernelSet k) {
        return java.nio.ByteBuffer.wrap(k.maps().get("count").map().lookup(BpfMap.intKey(0)).orElseThrow())
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Test
    void aPointTheKernelRefusesLeavesTheRunningGenerationAsItWas() {
        try (KernelResources kr = new KernelResources()) {
            Reloader r = new Reloader(kr);
            Reloader.Transition t = r.prepare(KernelSet.empty(), module(counting("syscalls", "sys_enter_getppid")), true);
            t.commit();
            KernelSet running = t.next;
            getppid(5);
            List<String> fds = KernelFds.ofSelf();
            Module broken = module(counting("syscalls", "sys_enter_getppid"), counting("nosuch", "event"));
            ReloadException e = assertThrows(ReloadException.class, () -> r.prepare(running, broken, true));
            assertTrue(e.getMessage().startsWith("probe count_event: cannot attach tracepoint nosuch:event: "),
                    e.getMessage());
            assertEquals(fds, KernelFds.ofSelf());
            getppid(3);
            assertEquals(8, count(running));
        }
    }

    @Test
    void aProgramTheVerifierRejectsLeavesTheRunningGenerationAsItWas() {
        try (KernelResources kr = new KernelResources()) {
            Reloader r = new Reloader(kr);
            Reloader.Transition t = r.prepare(KernelSet.empty(), module(counting("syscalls", "sys_enter_getppid")), true);
            t.commit();
            List<String> fds = KernelFds.ofSelf();
            // reads r2 before anything wrote it: the verifier must say no
            Program bad = new Assembler().mov(Reg.R0, Reg.R2).exit().build();
            KernelProbe p = Modules.tracepoint(2, "bad", bad, "syscalls", "sys_enter_getpid");
            ReloadException e = assertThrows(ReloadException.class,
                    () -> r.prepare(t.next, module(counting("syscalls", "sys_enter_getppid"), p), true));
            assertTrue(e.getMessage().startsWith("probe bad: "), e.getMessage());
            assertTrue(!e.verifierLog().isEmpty());
            assertEquals(fds, KernelFds.ofSelf());
        }
    }

    @Test
    void unchangedMapsAndProbesAreHandedOverAndReshapedMapsAreNew() {
        try (KernelResources kr = new KernelResources()) {
            Reloader r = new Reloader(kr);
            Reloader.Transition first = r.prepare(KernelSet.empty(), module(counting("syscalls", "sys_enter_getppid")),
                    true);
            first.commit();
            Reloader.Transition second = r.prepare(first.next, module(counting("syscalls", "sys_enter_getppid")), true);
            assertEquals(List.of(), second.newProbes);
            assertEquals(List.of(), second.retired());
            second.commit();
            assertSame(first.next.maps().get("count").map(), second.next.maps().get("count").map());
            assertSame(first.next.probes().get(0).attachments().get(0), second.next.probes().get(0).attachments().get(0));
            Module reshaped = new Modules.Builder().map(Modules.scalar("count", IrType.STRING, false)).build();
            Reloader.Transition third = r.prepare(second.next, reshaped, true);
            assertEquals(java.util.Set.of("count"), third.reshapedGlobals);
            assertEquals(1, third.retired().size());
            third.commit();
            assertNotSame(second.next.maps().get("count").map(), third.next.maps().get("count").map());
            assertTrue(second.next.maps().get("count").map().isClosed());
            assertTrue(second.next.probes().get(0).program().isClosed());
        }
    }
}
