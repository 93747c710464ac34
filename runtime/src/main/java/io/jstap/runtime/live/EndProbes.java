package io.jstap.runtime.live;

import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.format.GlobalValue;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.GlobalKind;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.UserProbe;
import io.jstap.runtime.output.Output;
import io.jstap.runtime.session.GlobalUse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The end of a session as stap ends a run: end probes in sequence order, and where stap's synthetic end
 * probe would run (after those numbered 0 or less) the globals written but never read.
 */
final class EndProbes {

    private final Engine engine;
    private final Generation gen;
    private final Output out;

    EndProbes(Engine engine, Generation gen, Output out) {
        this.engine = engine;
        this.gen = gen;
        this.out = out;
    }

    void run() {
        List<UserProbe> end = new ArrayList<>();
        for (UserProbe p : gen.module().userProbes()) {
            if (p.trigger() instanceof UserProbe.Trigger.End) {
                end.add(p);
            }
        }
        end.sort(Comparator.comparingLong(p -> ((UserProbe.Trigger.End) p.trigger()).seq()));
        boolean shown = false;
        for (UserProbe p : end) {
            if (!shown && ((UserProbe.Trigger.End) p.trigger()).seq() > 0) {
                shown = true;
                display();
            }
            engine.runUserProbe(gen, p, true);
        }
        if (!shown) {
            display();
        }
        out.flush();
    }

    private void display() {
        List<GlobalValue> values = new ArrayList<>();
        MapStore store = gen.store();
        try {
            for (GlobalDecl g : GlobalUse.of(gen.module()).unread(gen.module().ir())) {
                values.add(value(g, store));
            }
        } catch (RuntimeException e) {
            out.error("reading globals at the end: " + Reloader.message(e));
        }
        if (!values.isEmpty()) {
            out.globals(values);
        }
    }

    private static GlobalValue value(GlobalDecl g, MapStore store) {
        if (g.keyed()) {
            List<GlobalValue.Entry> entries = new ArrayList<>();
            for (MapStore.Entry e : store.entries(g.name())) {
                entries.add(new GlobalValue.Entry(e.key(), e.value()));
            }
            return new GlobalValue.Array(g.name(), entries);
        }
        if (g.kind() == GlobalKind.STATS) {
            Stats s = store.stats(g.name(), List.of());
            return new GlobalValue.Scalar(g.name(), s != null ? s : new Stats(g.histogram(), g.varianceShift()));
        }
        Object v = store.get(g.name(), List.of());
        return new GlobalValue.Scalar(g.name(), v != null ? v : g.valueType() == IrType.STRING ? "" : 0L);
    }
}
