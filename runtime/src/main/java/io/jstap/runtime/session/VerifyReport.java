package io.jstap.runtime.session;

import io.jstap.compiler.module.Module;
import io.jstap.linux.ObjectInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code -p4} reports: every kernel probe's program loaded through the verifier, then everything
 * released; nothing is attached and no probe runs.
 *
 * @param programs one line of facts per kernel probe, in module order
 */
public record VerifyReport(List<Program> programs) {

    /** One verified program: its probe, size, the instructions the verifier walked and the load time. */
    public record Program(String probe, String loc, String kind, int insns, int verifiedInsns, long loadNanos) {
    }

    public VerifyReport {
        programs = List.copyOf(programs);
    }

    /**
     * Loads {@code module}'s maps and programs, records what the verifier said, and closes it all. A
     * rejection throws {@link ModuleLoadException} with the probe, the reason and the verifier log.
     */
    public static VerifyReport verify(Module module) {
        try (ModuleInstance m = ModuleInstance.load(module)) {
            List<Program> out = new ArrayList<>();
            for (ModuleInstance.LoadedProbe lp : m.programs()) {
                ObjectInfo.Prog info = lp.program().info();
                out.add(new Program(lp.probe().name(), lp.probe().loc().toString(), lp.probe().kind().name(),
                        lp.probe().code().insnCount(), info.verifiedInsns(), lp.program().loadNanos()));
            }
            return new VerifyReport(out);
        }
    }

    /** One line per program, e.g. {@code probe syscall.read (TRACEPOINT, 42 insns): verified, 57 insns processed, 0.31 ms}. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (Program p : programs) {
            b.append("probe ").append(p.probe()).append(" (").append(p.kind()).append(", ").append(p.insns())
                    .append(" insns): verified, ").append(p.verifiedInsns()).append(" insns processed, ")
                    .append(String.format(Locale.ROOT, "%.2f ms", p.loadNanos() / 1e6)).append('\n');
        }
        if (programs.isEmpty()) {
            b.append("no kernel probes to verify\n");
        }
        return b.toString();
    }
}
