package io.jstap.compiler.module;

import io.jstap.compiler.bpf.Program;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.SrcLoc;
import java.util.List;

/**
 * A probe that runs in the kernel: its IR, the BPF program compiled from it and where to attach it.
 * A reload keeps the attachment of a probe whose {@code code} and {@code attach} are unchanged.
 */
public record KernelProbe(int id, String name, ProgKind kind, List<Attach> attach, ProbeBody ir, Program code,
                          SrcLoc loc) {
    public KernelProbe {
        attach = List.copyOf(attach);
    }
}
