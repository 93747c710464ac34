package io.jstap.compiler.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole lowered script: globals, functions and probe handlers, each name unique. */
public record IrProgram(List<GlobalDecl> globals, List<FunctionDecl> functions, List<ProbeBody> probes) {

    public IrProgram {
        globals = List.copyOf(globals);
        functions = List.copyOf(functions);
        probes = List.copyOf(probes);
        unique("global", globals.stream().map(GlobalDecl::name).toList());
        unique("function", functions.stream().map(FunctionDecl::name).toList());
    }

    private static void unique(String what, List<String> names) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (String n : names) {
            if (seen.put(n, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("duplicate " + what + " " + n);
            }
        }
    }

    public Optional<GlobalDecl> global(String name) {
        return globals.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public Optional<FunctionDecl> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
