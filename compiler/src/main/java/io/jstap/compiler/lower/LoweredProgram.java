package io.jstap.compiler.lower;

import io.jstap.compiler.bpfgen.KernelPlan;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.module.UserProbe;
import java.util.List;

/** The IR of a script, with its probes split by where they run. */
public record LoweredProgram(IrProgram ir, List<KernelPlan> kernelProbes, List<UserProbe> userProbes) {
    public LoweredProgram {
        kernelProbes = List.copyOf(kernelProbes);
        userProbes = List.copyOf(userProbes);
    }
}
