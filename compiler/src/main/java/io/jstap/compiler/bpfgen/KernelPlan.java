package io.jstap.compiler.bpfgen;

import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.ProgKind;
import java.util.List;
import java.util.Objects;

/**
 * A probe the lowering decided to run in the kernel: its handler, the program type its context needs,
 * where it attaches and the program's name.
 */
public record KernelPlan(ProbeBody body, ProgKind kind, List<Attach> attach, String name) {
    public KernelPlan {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(kind, "kind");
        attach = List.copyOf(attach);
        Objects.requireNonNull(name, "name");
    }
}
