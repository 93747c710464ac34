package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Disassembler;
import io.jstap.compiler.ir.IrPrinter;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.OutputRecord;
import io.jstap.compiler.module.UserProbe;
import java.util.stream.Collectors;

/**
 * The {@code -p3} listing of a module: its maps with key and value layouts, the record kinds, every
 * kernel probe's BPF assembly annotated with the statements it comes from, and the userspace probes as IR.
 */
public final class ModulePrinter {

    private ModulePrinter() {
    }

    public static String print(Module m) {
        StringBuilder out = new StringBuilder();
        out.append("# maps\n");
        for (MapDef d : m.maps()) {
            out.append(map(d)).append('\n');
        }
        if (!m.records().isEmpty()) {
            out.append("\n# records\n");
            for (OutputRecord r : m.records()) {
                out.append(record(r)).append('\n');
            }
        }
        for (KernelProbe p : m.kernelProbes()) {
            out.append("\n# kernel probe ").append(p.id()).append(": ").append(p.ir().name())
                    .append(" (").append(p.kind()).append(", program ").append(p.name()).append(", ")
                    .append(p.code().insnCount()).append(" insns)\n");
            for (Attach a : p.attach()) {
                out.append("#   attach ").append(a.describe()).append('\n');
            }
            out.append(Disassembler.disassemble(p.code()));
        }
        for (UserProbe p : m.userProbes()) {
            out.append("\n# userspace probe ").append(p.id()).append(": ").append(p.name()).append(" (")
                    .append(p.trigger()).append(")\n");
            out.append(IrPrinter.print(p.ir()));
        }
        return out.toString();
    }

    /** {@code name: HASH key 136 [string@0:128, long@128:8] -> LONG 8 x 2048 (global)}. */
    static String map(MapDef d) {
        StringBuilder b = new StringBuilder(d.name()).append(": ").append(d.kind());
        b.append(" key ").append(d.keySize());
        if (!d.keyFields().isEmpty()) {
            b.append(d.keyFields().stream().map(f -> f.type() + "@" + f.offset() + ":" + f.size())
                    .collect(Collectors.joining(", ", " [", "]")));
        }
        b.append(" -> ").append(d.value().kind()).append(' ').append(d.valueSize());
        if (d.value().stats() != null) {
            b.append(" (").append(d.value().stats().buckets()).append(" buckets)");
        }
        b.append(" x ").append(d.maxEntries()).append(" (").append(d.role().toString().toLowerCase(java.util.Locale.ROOT));
        if (d.global() != null) {
            b.append(": ").append(IrPrinter.global(d.global()));
        }
        return b.append(')').toString();
    }

    static String record(OutputRecord r) {
        StringBuilder b = new StringBuilder("#").append(r.id()).append(' ').append(r.kind()).append(' ')
                .append(quote(r.text()));
        if (!r.args().isEmpty()) {
            b.append(r.args().stream().map(a -> a.type() + "@" + a.offset())
                    .collect(Collectors.joining(", ", " [", "]")));
        }
        b.append(" size ").append(r.size()).append(" at ").append(r.loc());
        if (r.near() != null) {
            b.append(" near ").append(r.near());
        }
        return b.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n': b.append("\\n"); break;
                case '\t': b.append("\\t"); break;
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                default: b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
