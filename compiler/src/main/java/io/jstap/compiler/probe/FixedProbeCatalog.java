package io.jstap.compiler.probe;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A catalog built from values, for tests and for tools that run without a kernel. */
public class FixedProbeCatalog implements ProbeCatalog {

    private final Map<String, TracepointFormat> tracepoints = new TreeMap<>();
    private final Map<String, List<String>> binaries = new TreeMap<>();
    private final Set<KernelFeature> features;
    private final String release;

    public FixedProbeCatalog(Set<KernelFeature> features, String release) {
        this.features = features.isEmpty() ? EnumSet.noneOf(KernelFeature.class) : EnumSet.copyOf(features);
        this.release = release;
    }

    public FixedProbeCatalog addTracepoint(TracepointFormat format) {
        tracepoints.put(format.name(), format);
        return this;
    }

    public FixedProbeCatalog addBinary(String path, List<String> symbols) {
        binaries.put(path, List.copyOf(symbols));
        return this;
    }

    @Override
    public List<String> tracepoints() {
        return List.copyOf(tracepoints.keySet());
    }

    @Override
    public Optional<TracepointFormat> tracepoint(String category, String event) {
        return Optional.ofNullable(tracepoints.get(category + ":" + event));
    }

    @Override
    public List<String> syscalls() {
        List<String> out = new ArrayList<>();
        for (String tp : tracepoints.keySet()) {
            if (tp.startsWith("syscalls:sys_enter_")) {
                out.add(tp.substring("syscalls:sys_enter_".length()));
            }
        }
        return out;
    }

    @Override
    public Optional<String> resolveBinary(String path) {
        if (binaries.containsKey(path)) {
            return Optional.of(path);
        }
        return binaries.keySet().stream().filter(p -> p.endsWith("/" + path)).findFirst();
    }

    @Override
    public List<String> functionSymbols(String binaryPath) {
        return binaries.getOrDefault(binaryPath, List.of());
    }

    @Override
    public Set<KernelFeature> features() {
        return features;
    }

    @Override
    public String kernelRelease() {
        return release;
    }
}
