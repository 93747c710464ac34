package io.jstap.compiler.module;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.IrProgram;
import java.util.List;
import java.util.Optional;

/**
 * Everything a compiled script is: a plain value the runtime loads (DESIGN §2). It can be printed
 * ({@code -p3}), compared and tested without root.
 */
public record Module(IrProgram ir, List<MapDef> maps, List<KernelProbe> kernelProbes, List<UserProbe> userProbes,
                     List<OutputRecord> records, RuntimeLimits limits) {

    public Module {
        maps = List.copyOf(maps);
        kernelProbes = List.copyOf(kernelProbes);
        userProbes = List.copyOf(userProbes);
        records = List.copyOf(records);
    }

    public Optional<MapDef> map(String name) {
        return maps.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<MapDef> mapOfRole(MapDef.Role role) {
        return maps.stream().filter(m -> m.role() == role).findFirst();
    }

    public OutputRecord record(int id) {
        return records.get(id);
    }
}
