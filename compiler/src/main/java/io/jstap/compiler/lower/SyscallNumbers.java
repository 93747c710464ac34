package io.jstap.compiler.lower;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/** Syscall numbers by tracepoint name ({@code syscalls:sys_enter_NAME}) for the machine's architecture. */
final class SyscallNumbers {
    private static final Map<String, Map<String, Integer>> BY_ARCH = new HashMap<>();

    private SyscallNumbers() {
    }

    static OptionalInt of(String arch, String name) {
        Integer n = table(arch).get(name);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    private static synchronized Map<String, Integer> table(String arch) {
        return BY_ARCH.computeIfAbsent(arch, SyscallNumbers::load);
    }

    private static Map<String, Integer> load(String arch) {
        Map<String, Integer> m = new HashMap<>();
        InputStream in = SyscallNumbers.class.getResourceAsStream("/syscalls/" + arch + ".tsv");
        if (in == null) {
            return m;
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                m.put(f[0], Integer.parseInt(f[1].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
