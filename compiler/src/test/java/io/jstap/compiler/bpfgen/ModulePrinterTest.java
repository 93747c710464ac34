package io.jstap.compiler.bpfgen;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.UserProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModulePrinterTest {

    @Test
    void listsMapsRecordsKernelCodeAndUserspaceProbes() {
        ProbeBody kernel = Modules.body(List.of(), s(inc(elem("c", IrType.LONG, fn("execname", IrType.STRING)))),
                p("%d\n", num(1)));
        ProbeBody end = probe("end", List.of(), p("bye\n"));
        IrProgram ir = new IrProgram(List.of(array("c", IrType.LONG, IrType.STRING)), List.of(), List.of(kernel, end));
        Module m = ModuleBuilder.build(ir, List.of(Modules.plan(kernel)),
                List.of(new UserProbe(1, "end", new UserProbe.Trigger.End(0), end)),
                RuntimeLimits.DEFAULTS.withMaxStringLen(32));
        String text = ModulePrinter.print(m);
        assertTrue(text.startsWith("""
                # maps
                c: PERCPU_HASH key 32 [string@0:32] -> LONG 8 x 2048 (global: global c: [string] -> long)
                .scratch: PERCPU_ARRAY key 4 -> RAW"""), text);
        assertTrue(text.contains("""
                .output: RINGBUF key 0 -> RAW 0 x 16777216 (output)
                .counters: PERCPU_ARRAY key 4 -> RAW 8 x 1 (counters)
                .config: ARRAY key 4 -> RAW 16 x 1 (config)

                # records
                #0 ERROR "Array overflow, check MAXMAPENTRIES" size 8 at t.stp:1:1 near identifier 'c' at t.stp:1:1
                #1 PRINTF "%d\\n" [long@8] size 16 at t.stp:1:1

                # kernel probe 0: kernel.trace("a:b") (TRACEPOINT, program probe_0, """), text);
        assertTrue(text.contains("#   attach tracepoint a:b\n; t.stp:1:1: probe kernel.trace(\"a:b\")\n  0: (7b)"), text);
        assertTrue(text.contains("; t.stp:1:1: c[execname()]++\n"), text);
        assertTrue(text.contains("call get_current_comm#16"), text);
        assertTrue(text.endsWith("""

                # userspace probe 1: end (End[seq=0])
                probe end
                {
                  printf("bye\\n")
                }
                """), text);
        assertEquals(m.kernelProbes().get(0).code().insnCount(),
                Integer.parseInt(text.replaceAll("(?s).*program probe_0, (\\d+) insns.*", "$1")));
    }
}
