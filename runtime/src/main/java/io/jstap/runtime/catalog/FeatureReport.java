package io.jstap.runtime.catalog;

import io.jstap.compiler.probe.KernelFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the feature probe found. Each map is name → null when it works, or the reason it does not.
 * {@link #render()} is the text {@code --probe-features} prints.
 */
public record FeatureReport(String kernelRelease, List<Integer> onlineCpus, int possibleCpus, String tracefs,
        int tracepointCount, int syscallCount, Map<KernelFeature, String> attachKinds,
        Map<String, String> programTypes, Map<String, String> mapTypes, List<String> helperProgramTypes,
        Map<String, List<Boolean>> helpers, Map<String, Integer> pmus) {

    /** The attach kinds that work. */
    public Set<KernelFeature> available() {
        Set<KernelFeature> out = new TreeSet<>();
        attachKinds.forEach((k, why) -> {
            if (why == null) {
                out.add(k);
            }
        });
        return out;
    }

    public String render() {
        StringBuilder b = new StringBuilder();
        b.append("kernel ").append(kernelRelease).append(" (x86_64), CPUs online ").append(onlineCpus)
                .append(", possible ").append(possibleCpus).append('\n');
        b.append("tracefs: ").append(tracefs).append(" (").append(tracepointCount).append(" tracepoints, ")
                .append(syscallCount).append(" syscalls)\n");
        List<String> pmuList = new ArrayList<>();
        pmus.forEach((n, t) -> pmuList.add(n + "=" + t));
        b.append("perf PMUs: ").append(String.join(" ", pmuList)).append("\n\n");
        b.append("attach kinds:\n");
        attachKinds.forEach((k, why) -> line(b, why, k.description()));
        b.append("\nprogram types:\n");
        programTypes.forEach((k, why) -> line(b, why, k));
        b.append("\nmap types:\n");
        mapTypes.forEach((k, why) -> line(b, why, k));
        b.append("\nhelpers (").append(String.join(" / ", helperProgramTypes)).append(" programs):\n");
        int width = helpers.keySet().stream().mapToInt(String::length).max().orElse(0);
        helpers.forEach((h, ok) -> {
            b.append("  ").append(h).append(" ".repeat(width - h.length()));
            for (boolean y : ok) {
                b.append("  ").append(y ? "yes" : " - ");
            }
            b.append('\n');
        });
        return b.toString();
    }

    private static void line(StringBuilder b, String why, String what) {
        b.append(why == null ? "  yes  " : "  no   ").append(what);
        if (why != null) {
            b.append(": ").append(why);
        }
        b.append('\n');
    }
}
