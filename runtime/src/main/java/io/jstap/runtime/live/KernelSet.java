package io.jstap.runtime.live;

import io.jstap.compiler.bpf.MapReloc;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.Module;
import io.jstap.runtime.kernel.BpfMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one generation of the session has in the kernel: its module's maps by name and its kernel probes. */
record KernelSet(Module module, Map<String, LiveMap> maps, List<LiveProbe> probes) {

    KernelSet {
        maps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(maps));
        probes = List.copyOf(probes);
    }

    static KernelSet empty() {
        return new KernelSet(null, Map.of(), List.of());
    }

    /** The live maps by name (as {@link io.jstap.runtime.maps.BpfMapStore} takes them). */
    Map<String, BpfMap> bpfMaps() {
        Map<String, BpfMap> out = new LinkedHashMap<>();
        maps.forEach((k, v) -> out.put(k, v.map()));
        return out;
    }

    /** The maps {@code p}'s relocations name, resolved in {@code maps}. */
    static Map<String, BpfMap> usedBy(KernelProbe p, Map<String, LiveMap> maps) {
        Map<String, BpfMap> out = new LinkedHashMap<>();
        for (MapReloc r : p.code().relocs()) {
            LiveMap m = maps.get(r.map().name());
            if (m != null) {
                out.put(r.map().name(), m.map());
            }
        }
        return out;
    }
}
