package io.jstap.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.OutputRecord;
import io.jstap.compiler.module.OutputRecord.Arg;
import io.jstap.compiler.module.ProgKind;
import io.jstap.linux.Pmu;
import io.jstap.runtime.output.RecordDecoder;
import io.jstap.runtime.output.RecordingOutput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleInstanceKernelTest extends SessionKernelTest {

    private static final MapRef SEQ = new MapRef("seq");

    static final class Events implements RecordDecoder.Control {
        int exits;
        final List<String> errors = new ArrayList<>();

        @Override
        public void exitRequested() {
            exits++;
        }

        @Override
        public void runtimeError(String message) {
            errors.add(message);
        }
    }

    private static Module printerModule() {
        return new Modules.Builder()
                .map(Modules.scalar("seq", IrType.LONG, false))
                .map(Modules.ring(1 << 16))
                .map(Modules.counters())
                .record(Modules.record(0, OutputRecord.Kind.PRINTF, "hit %d by %s\n", 32,
                        new Arg(IrType.LONG, 8, 8), new Arg(IrType.STRING, 16, 16)))
                .kernel(Modules.tracepoint(0, "printer", KernelPrograms.printer(SEQ, tgid(), 0), "syscalls",
                        "sys_enter_getppid"))
                .build();
    }

    @Test
    void printfRecordsArriveDecodedAndInOrder() throws Exception {
        RecordingOutput out = new RecordingOutput();
        Events events = new Events();
        Module mod = printerModule();
        try (ModuleInstance m = ModuleInstance.load(mod)) {
            m.openOutput(new RecordDecoder(mod, out, events));
            m.attach();
            Thread t = new Thread(() -> getppid(300), "printer-test");
            t.start();
            t.join();
            m.detach();
            m.closeOutput();
            assertEquals(0, m.lostRecords());
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            expected.append("hit ").append(i).append(" by printer-test\n");
        }
        assertEquals(expected.toString(), out.text());
        assertEquals(0, events.exits);
        assertEquals(List.of(), events.errors);
    }

    @Test
    void verifyLoadsEveryProgramAndAttachesNothing() {
        VerifyReport r = VerifyReport.verify(printerModule());
        assertEquals(1, r.programs().size());
        VerifyReport.Program p = r.programs().get(0);
        assertEquals("printer", p.probe());
        assertEquals("TRACEPOINT", p.kind());
        assertEquals(printerModule().kernelProbes().get(0).code().insnCount(), p.insns());
        assertTrue(p.verifiedInsns() > 0, "verifier walked " + p.verifiedInsns());
        assertTrue(r.render().startsWith("probe printer (TRACEPOINT, " + p.insns() + " insns): verified, "),
                r.render());
    }

    @Test
    void aVerifierRejectionNamesTheProbeAndKeepsTheLog() {
        // reads a hash map's value without the null check the verifier insists on
        Assembler bad = new Assembler();
        bad.st(Size.DW, Reg.R10, -8, 0).mov(Reg.R2, Reg.R10).add(Reg.R2, -8).ldMapFd(Reg.R1, SEQ)
                .call(Helper.MAP_LOOKUP_ELEM).ldx(Size.DW, Reg.R0, Reg.R0, 0).mov(Reg.R0, 0).exit();
        Module mod = new Modules.Builder()
                .map(Modules.array("seq", List.of(IrType.LONG), IrType.LONG, 10, false))
                .kernel(new KernelProbe(0, "broken", ProgKind.TRACEPOINT,
                        List.of(new Attach.Tracepoint("syscalls", "sys_enter_getppid")), Modules.body("broken"),
                        bad.build(), new io.jstap.compiler.ir.SrcLoc("t.stp", 4, 7)))
                .build();
        ModuleLoadException e = assertThrows(ModuleLoadException.class, () -> ModuleInstance.load(mod));
        assertTrue(e.getMessage().startsWith("probe broken at t.stp:4:7: the kernel verifier rejected program "
                + "'broken' (TRACEPOINT, 9 instructions): R0 invalid mem access 'map_value_or_null'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(EACCES) (a compiler bug: its programs must pass the verifier)"), e.getMessage());
        assertTrue(e.verifierLog().contains("map_value_or_null"), e.verifierLog());
    }

    @Test
    void anUnknownTracepointIsNamedWithItsProbe() {
        Module mod = new Modules.Builder()
                .map(Modules.scalar("seq", IrType.LONG, false))
                .kernel(Modules.tracepoint(0, "nowhere", Modules.counter(SEQ, tgid()), "syscalls",
                        "sys_enter_no_such_call"))
                .build();
        try (ModuleInstance m = ModuleInstance.load(mod)) {
            ModuleLoadException e = assertThrows(ModuleLoadException.class, m::attach);
            assertTrue(e.getMessage().startsWith("probe nowhere at t.stp:1:1: cannot attach tracepoint "
                    + "syscalls:sys_enter_no_such_call: "), e.getMessage());
            assertEquals(0, m.attachedPoints());
        }
    }

    @Test
    void kprobesAttachWhereTheKernelHasThemAndSayWhyNotElsewhere() {
        Module mod = new Modules.Builder()
                .map(Modules.scalar("seq", IrType.LONG, false))
                .kernel(new KernelProbe(0, "kfunc", ProgKind.KPROBE, List.of(new Attach.Kprobe("do_sys_openat2", false)),
                        Modules.body("kfunc"), Modules.counter(SEQ, tgid()), Modules.LOC))
                .build();
        try (ModuleInstance m = ModuleInstance.load(mod)) {
            if (Pmu.type("kprobe").isPresent()) {
                m.attach();
                assertEquals(1, m.attachedPoints());
            } else {
                ModuleLoadException e = assertThrows(ModuleLoadException.class, m::attach);
                assertTrue(e.getMessage().startsWith("probe kfunc at t.stp:1:1: cannot attach kprobe do_sys_openat2: "
                        + "kernel.function probes need kprobes: this kernel has no 'kprobe' perf PMU"), e.getMessage());
            }
        }
    }
}
