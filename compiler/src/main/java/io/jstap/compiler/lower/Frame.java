package io.jstap.compiler.lower;

import io.jstap.compiler.diag.Span;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The locals of one probe handler or function, numbered into frame slots in declaration order. */
final class Frame {
    private final Map<String, LocalVar> byName = new LinkedHashMap<>();

    LocalVar add(String name, IrType type) {
        LocalVar v = byName.get(name);
        if (v == null) {
            v = new LocalVar(name, type, byName.size());
            byName.put(name, v);
        }
        return v;
    }

    LocalVar get(String name, Span at) {
        LocalVar v = byName.get(name);
        if (v == null) {
            throw new LoweringException("internal: no local '" + name + "'", at);
        }
        return v;
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    List<LocalVar> all() {
        return new ArrayList<>(byName.values());
    }

    List<LocalVar> from(int slot) {
        List<LocalVar> out = new ArrayList<>();
        for (LocalVar v : byName.values()) {
            if (v.slot() >= slot) {
                out.add(v);
            }
        }
        return out;
    }
}
