package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.SrcLoc;
import java.util.Map;

/** What every probe's code generation shares: the program, the global maps, the record table and limits. */
record ModuleContext(IrProgram ir, Map<String, GlobalMap> globals, RecordTable records, RuntimeLimits limits,
                     KernelOffsets offsets) {

    static final MapRef SCRATCH = new MapRef(MapPlanner.SCRATCH);
    static final MapRef OUTPUT = new MapRef(MapPlanner.OUTPUT);
    static final MapRef COUNTERS = new MapRef(MapPlanner.COUNTERS);
    static final MapRef CONFIG = new MapRef(MapPlanner.CONFIG);

    GlobalMap global(String name, SrcLoc loc) {
        GlobalMap g = globals.get(name);
        if (g == null) {
            throw new IllegalStateException("unknown global " + name + " at " + loc);
        }
        return g;
    }

    FunctionDecl function(String name) {
        return ir.function(name).orElseThrow(() -> new IllegalStateException("call of unknown function " + name));
    }

    /** Bytes of a string buffer: MAXSTRINGLEN, the NUL included. */
    int strSize() {
        return limits.maxStringLen();
    }
}
