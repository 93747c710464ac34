package io.jstap.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** Perf PMUs as sysfs lists them under /sys/bus/event_source/devices. */
public final class Pmu {

    public static final Path DEVICES = Path.of("/sys/bus/event_source/devices");

    private Pmu() {
    }

    /** The dynamic type number of a PMU ("uprobe", "kprobe"), empty when the kernel has none. */
    public static OptionalInt type(String name) {
        return type(DEVICES, name);
    }

    static OptionalInt type(Path devices, String name) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(devices.resolve(name).resolve("type")).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The config bit a PMU format names (format/retprobe holds {@code "config:0"}), or -1 when the
     * format file is missing.
     */
    public static int configBit(String pmu, String format) {
        return configBit(DEVICES, pmu, format);
    }

    static int configBit(Path devices, String pmu, String format) {
        try {
            String s = Files.readString(devices.resolve(pmu).resolve("format").resolve(format)).strip();
            if (!s.startsWith("config:")) {
                return -1;
            }
            String bits = s.substring("config:".length());
            int dash = bits.indexOf('-');
            return Integer.parseInt(dash < 0 ? bits : bits.substring(0, dash));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Every PMU name, sorted. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(DEVICES)) {
            s.forEach(p -> out.add(p.getFileName().toString()));
        } catch (IOException e) {
            return out;
        }
        out.sort(null);
        return out;
    }

    /** True when a CPU PMU ("cpu", "armv8_pmuv3_0", ...) exposes hardware counters. */
    public static boolean hasHardwareCounters() {
        for (String n : names()) {
            if (n.equals("cpu") || n.startsWith("cpu_") || n.startsWith("armv") || n.equals("cpum_cf")) {
                return true;
            }
        }
        return false;
    }
}
