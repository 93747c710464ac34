package io.jstap.compiler.bpfgen;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.UserProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kernel back end: turns the IR and the lowering's split into a {@link Module}. It decides every
 * global's map ({@link MapPlanner}), compiles each kernel probe to one BPF program and collects the
 * ring-buffer record kinds those programs write. Kernel probe ids are their indexes in the plan list.
 */
public final class ModuleBuilder {

    private ModuleBuilder() {
    }

    public static Module build(IrProgram ir, List<KernelPlan> kernelProbes, List<UserProbe> userProbes,
                               RuntimeLimits limits) {
        return build(ir, kernelProbes, userProbes, limits, KernelOffsets.DEFAULT);
    }

    /**
     * @throws CodegenException for a construct that cannot run in a kernel probe
     */
    public static Module build(IrProgram ir, List<KernelPlan> kernelProbes, List<UserProbe> userProbes,
                               RuntimeLimits limits, KernelOffsets offsets) {
        GlobalUsage usage = GlobalUsage.of(ir, kernelProbes.stream().map(p -> p.body().body()).toList());
        Map<String, GlobalMap> globals = MapPlanner.globals(ir.globals(), usage, limits);
        RecordTable records = new RecordTable(limits.maxStringLen());
        ModuleContext mod = new ModuleContext(ir, globals, records, limits, offsets);
        List<KernelProbe> probes = new ArrayList<>();
        int scratch = 0;
        for (int i = 0; i < kernelProbes.size(); i++) {
            KernelPlan plan = kernelProbes.get(i);
            ProbeCompiler.Compiled c = ProbeCompiler.compile(mod, plan);
            probes.add(new KernelProbe(i, plan.name(), plan.kind(), plan.attach(), plan.body(), c.program(),
                    plan.body().loc()));
            scratch = Math.max(scratch, c.scratchBytes());
        }
        List<MapDef> maps = new ArrayList<>();
        for (GlobalMap g : globals.values()) {
            maps.add(g.def());
        }
        if (!kernelProbes.isEmpty()) {
            // slack of one string: the verifier bounds an append's destination and length separately
            maps.addAll(MapPlanner.internal(scratch + limits.maxStringLen()));
        }
        return new Module(ir, maps, probes, userProbes, records.all(), limits);
    }
}
