package io.jstap.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CPU lists from sysfs ({@code "0-3,5"}). Per-CPU maps size their values by the possible count. */
public final class Cpus {

    private static final Path DIR = Path.of("/sys/devices/system/cpu");
    private static volatile List<Integer> possible;

    private Cpus() {
    }

    /** Parses a kernel CPU list such as {@code "0-3,8,10-11"}. */
    public static List<Integer> parse(String list) {
        List<Integer> out = new ArrayList<>();
        String s = list.strip();
        if (s.isEmpty()) {
            return out;
        }
        for (String part : s.split(",")) {
            int dash = part.indexOf('-');
            if (dash < 0) {
                out.add(Integer.parseInt(part.strip()));
            } else {
                int lo = Integer.parseInt(part.substring(0, dash).strip());
                int hi = Integer.parseInt(part.substring(dash + 1).strip());
                if (hi < lo) {
                    throw new IllegalArgumentException("bad CPU range '" + part + "'");
                }
                for (int c = lo; c <= hi; c++) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** CPUs that run now: one sampling event is opened per online CPU. */
    public static List<Integer> online() {
        return read("online");
    }

    /** CPUs that may ever exist (fixed at boot). */
    public static List<Integer> possible() {
        List<Integer> p = possible;
        if (p == null) {
            p = List.copyOf(read("possible"));
            possible = p;
        }
        return p;
    }

    /** The number of value slots of a per-CPU map as user space sees it. */
    public static int possibleCount() {
        List<Integer> p = possible();
        return p.isEmpty() ? 1 : p.get(p.size() - 1) + 1;
    }

    private static List<Integer> read(String file) {
        try {
            return parse(Files.readString(DIR.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DIR.resolve(file), e);
        }
    }
}
