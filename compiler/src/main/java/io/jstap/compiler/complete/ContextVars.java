package io.jstap.compiler.complete;

import io.jstap.compiler.probe.ProbeCatalog;
import io.jstap.compiler.probe.TracepointFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Context variables a probe point offers, computed from tracepoint formats: the event fields of
 * {@code kernel.trace("cat:event")}, the arguments of {@code syscall.NAME} (its {@code sys_enter_NAME}
 * fields) and {@code $return} of {@code syscall.NAME.return}. Entries read {@code $name:type}, with the
 * script types a field becomes: {@code string} for character arrays, {@code long} for the rest.
 */
public final class ContextVars {

    private ContextVars() {
    }

    public static List<String> fromCatalog(ProbeCatalog catalog, String probePointText) {
        PointParser.Parsed p = PointParser.parse(Scanner.scan(probePointText).tokens());
        if (p.state() != PointParser.State.AFTER) {
            return List.of();
        }
        List<PointParser.Component> c = p.components();
        if (c.size() == 2 && c.get(0).name().equals("kernel") && c.get(1).name().equals("trace")
                && c.get(1).arg() != null && !c.get(0).name().contains("*")) {
            String name = c.get(1).arg();
            int colon = name.indexOf(':');
            if (colon < 0 || name.contains("*")) {
                return List.of();
            }
            return fields(catalog.tracepoint(name.substring(0, colon), name.substring(colon + 1)));
        }
        if (c.size() >= 2 && c.get(0).name().equals("syscall") && c.get(0).arg() == null
                && !c.get(1).name().contains("*")) {
            if (c.size() == 3 && c.get(2).name().equals("return")) {
                return List.of("$return:long");
            }
            if (c.size() == 2) {
                return fields(catalog.tracepoint("syscalls", "sys_enter_" + c.get(1).name()));
            }
        }
        return List.of();
    }

    private static List<String> fields(Optional<TracepointFormat> format) {
        List<String> out = new ArrayList<>();
        format.ifPresent(f -> {
            for (TracepointFormat.Field field : f.eventFields()) {
                if (!field.name().equals("__syscall_nr")) {
                    out.add("$" + field.name() + ":" + scriptType(field));
                }
            }
        });
        return out;
    }

    /** {@code char comm[16]} and {@code __data_loc char[] name} read as strings; numbers and pointers as long. */
    static String scriptType(TracepointFormat.Field f) {
        String t = f.cType();
        boolean chars = t.contains("char") && !t.contains("*");
        boolean array = t.contains("[") || f.size() > 1;
        return chars && (array || f.dataLoc()) ? "string" : "long";
    }
}
