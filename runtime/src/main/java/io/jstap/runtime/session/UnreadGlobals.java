package io.jstap.runtime.session;

import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.format.GlobalValue;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.GlobalKind;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * The values stap shows at the end of a run for globals the script wrote but never read
 * ({@link GlobalUse}), read from the live store, in declaration order.
 */
final class UnreadGlobals {

    private UnreadGlobals() {
    }

    static List<GlobalValue> read(Module module, MapStore store) {
        List<GlobalValue> out = new ArrayList<>();
        for (GlobalDecl g : GlobalUse.of(module).unread(module.ir())) {
            if (g.keyed()) {
                List<GlobalValue.Entry> entries = new ArrayList<>();
                for (MapStore.Entry e : store.entries(g.name())) {
                    entries.add(new GlobalValue.Entry(e.key(), e.value()));
                }
                out.add(new GlobalValue.Array(g.name(), entries));
            } else if (g.kind() == GlobalKind.STATS) {
                Stats s = store.stats(g.name(), List.of());
                out.add(new GlobalValue.Scalar(g.name(), s != null ? s : new Stats(g.histogram(), g.varianceShift())));
            } else {
                Object v = store.get(g.name(), List.of());
                out.add(new GlobalValue.Scalar(g.name(), v != null ? v : g.valueType() == IrType.STRING ? "" : 0L));
            }
        }
        return out;
    }
}
