package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.bpfgen.KernelPlan;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.ProgKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uprobe context: function arguments and registers from pt_regs, on libc's labs called from here. */
class UprobeArgsKernelTest extends CodegenKernelTest {

    private static String libc() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash > 0 && line.substring(slash).matches(".*/libc([.-][^/]*)?\\.so.*")) {
                return line.substring(slash).strip();
            }
        }
        throw new AssertionError("no libc mapped");
    }

    @Test
    void argumentsAtEntryAndTheReturnValue() throws Exception {
        Native.labs(1); // bind before attaching
        String libc = libc();
        ProbeBody entry = new ProbeBody("process(\"libc\").function(\"labs\")", List.of(), block(guard(),
                p("entry %d %d %d\n", new Expr.RawArg(0, L0), new Expr.Register("rdi", L0),
                        bin(io.jstap.compiler.ir.Ops.BinOp.SUB, new Expr.Register("ip", L0), new Expr.Register("ip", L0)))), L0);
        ProbeBody ret = new ProbeBody("process(\"libc\").function(\"labs\").return", List.of(), block(guard(),
                p("return %d\n", new Expr.Register("ax", L0))), L0);
        List<KernelPlan> plans = List.of(
                new KernelPlan(entry, ProgKind.KPROBE, List.of(new Attach.Uprobe(libc, "labs", 0, false, 0)), "labs_entry"),
                new KernelPlan(ret, ProgKind.KPROBE, List.of(new Attach.Uprobe(libc, "labs", 0, true, 0)), "labs_return"));
        LoadedModule m = new LoadedModule(kr, compile(List.of(), List.of(), RuntimeLimits.DEFAULTS, plans), 0).attach();
        assertEquals(42, Native.labs(-42));
        assertEquals(List.of("entry -42 -42 0\n", "return 42\n"), m.texts(2));
    }
}
