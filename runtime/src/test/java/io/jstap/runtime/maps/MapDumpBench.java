package io.jstap.runtime.maps;

import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.format.ValueText;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.module.Module;
import io.jstap.runtime.session.ModuleInstance;
import io.jstap.runtime.session.Modules;
import java.util.Arrays;
import java.util.List;

/**
 * How long a {@code :dump} of a 100,000-key global takes: every entry read through the store (batched
 * lookups, decoding) and rendered as a line. Needs root. Run with
 * {@code java -cp <test classpath> io.jstap.runtime.maps.MapDumpBench}.
 */
public final class MapDumpBench {

    private MapDumpBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Module mod = new Modules.Builder()
                .map(Modules.array("bylong", List.of(IrType.LONG), IrType.LONG, n, false))
                .map(Modules.array("bypair", List.of(IrType.STRING, IrType.LONG), IrType.LONG, n, true))
                .build();
        try (ModuleInstance m = ModuleInstance.load(mod)) {
            MapStore store = m.store();
            long t0 = System.nanoTime();
            for (long k = 0; k < n; k++) {
                store.put("bylong", List.of(k), k);
                store.put("bypair", List.of("process-" + (k % 1000), k), k);
            }
            System.out.printf("fill: %d keys x 2 maps in %.0f ms%n", n, (System.nanoTime() - t0) / 1e6);
            for (String g : new String[] {"bylong", "bypair"}) {
                double[] ms = new double[12];
                long chars = 0;
                for (int r = 0; r < ms.length; r++) {
                    long s = System.nanoTime();
                    List<MapStore.Entry> all = store.entries(g);
                    StringBuilder text = new StringBuilder();
                    for (MapStore.Entry e : all) {
                        text.append(ValueText.key(e.key())).append(' ').append(e.value()).append('\n');
                    }
                    chars = text.length();
                    ms[r] = (System.nanoTime() - s) / 1e6;
                    if (all.size() != n) {
                        throw new IllegalStateException(g + ": " + all.size() + " entries");
                    }
                }
                double[] read = new double[5];
                for (int r = 0; r < read.length; r++) {
                    long s = System.nanoTime();
                    store.entries(g);
                    read[r] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(read);
                System.out.printf("%s: entries() alone: median %.0f ms%n", g, read[read.length / 2]);
                double[] warm = Arrays.copyOfRange(ms, 2, ms.length);
                Arrays.sort(warm);
                System.out.printf("%s: dump of %d entries (%d chars): first %.0f ms, median %.0f ms, min %.0f ms%n",
                        g, n, chars, ms[0], warm[warm.length / 2], warm[0]);
            }
        }
    }
}
