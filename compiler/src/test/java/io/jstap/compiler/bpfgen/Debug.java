package io.jstap.compiler.bpfgen;

import static io.jstap.compiler.ir.Ir.*;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.ProgKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class Debug {
    @Test
    void show() {
        LocalVar a = lv("a", IrType.LONG, 0);
        var twice = function("twice", List.of(a), IrType.LONG, List.of(), ret(bin(BinOp.MUL, ref(a), num(2))));
        ProbeBody body = probe("p", List.of(), s(set(gvar("n", IrType.LONG), call("twice", IrType.LONG, num(5)))));
        IrProgram ir = new IrProgram(List.of(scalar("n", IrType.LONG)), List.of(twice), List.of(body));
        var m = ModuleBuilder.build(ir, List.of(new KernelPlan(body, ProgKind.TRACEPOINT,
                List.of(new Attach.Tracepoint("a", "b")), "p")), List.of(), RuntimeLimits.DEFAULTS);
        System.out.println(ModulePrinter.print(m));
    }
}
