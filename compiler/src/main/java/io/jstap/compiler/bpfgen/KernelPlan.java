package io.jstap.compiler.bpfgen;

import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.ProgKind;
import java.util.List;

/** A probe to compile for the kernel: its body, the program type and where it attaches. */
public record KernelPlan(ProbeBody body, ProgKind kind, List<Attach> attach, String name) {
    public KernelPlan {
        attach = List.copyOf(attach);
    }
}
