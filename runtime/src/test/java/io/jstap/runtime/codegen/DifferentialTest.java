package io.jstap.runtime.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.jstap.compiler.bpfgen.CodegenException;
import io.jstap.compiler.bpfgen.KernelPlan;
import io.jstap.compiler.bpfgen.ModuleBuilder;
import io.jstap.compiler.bpfgen.ModulePrinter;
import io.jstap.compiler.bpfgen.RecordDecoder;
import io.jstap.compiler.exec.BufferSink;
import io.jstap.compiler.exec.HeapMapStore;
import io.jstap.compiler.exec.Interpreter;
import io.jstap.compiler.exec.JvmHostContext;
import io.jstap.compiler.exec.MapStore;
import io.jstap.compiler.exec.ProbeOutcome;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.GlobalKind;
import io.jstap.compiler.ir.IrPrinter;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.OutputRecord;
import io.jstap.runtime.kernel.KernelResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random IR programs run twice in the kernel and twice in the interpreter must print the same text,
 * fail with the same errors and leave the same globals. The thread is pinned to one CPU so statistics
 * fold from one accumulator on both sides.
 */
class DifferentialTest extends CodegenKernelTest {

    private static final int PROGRAMS = Integer.getInteger("differential.programs", 300);
    private static final long FIRST_SEED = Long.getLong("differential.seed", 1);
    private static final int RUNS = 2;

    private final long[] savedAffinity = new long[16];

    @BeforeEach
    void pin() {
        Native.sched_getaffinity(0, 8L * savedAffinity.length, savedAffinity);
        Native.sched_setaffinity(0, 8, new long[] {1});
    }

    @AfterEach
    void unpin() {
        Native.sched_setaffinity(0, 8L * savedAffinity.length, savedAffinity);
    }

    @Test
    void kernelAndInterpreterAgreeOnRandomPrograms() {
        for (long seed = FIRST_SEED; seed < FIRST_SEED + PROGRAMS; seed++) {
            check(seed);
        }
    }

    private static RuntimeLimits limits(long seed) {
        RuntimeLimits l = RuntimeLimits.DEFAULTS.withMaxAction(400);
        return seed % 3 == 0 ? l.withMaxStringLen(16) : l;
    }

    private void check(long seed) {
        RandomPrograms gen = new RandomPrograms(seed);
        List<Stmt> stmts = gen.body();
        ProbeBody body = probe(gen.locals, stmts.toArray(new Stmt[0]));
        IrProgram ir = new IrProgram(RandomPrograms.GLOBALS, gen.functions, List.of(body));
        RuntimeLimits limits = limits(seed);
        String context = "seed " + seed + "\n" + IrPrinter.print(ir);

        HeapMapStore store = new HeapMapStore(RandomPrograms.GLOBALS, limits);
        BufferSink sink = new BufferSink();
        Interpreter interp = new Interpreter(ir, store, sink, limits, new JvmHostContext());
        StringBuilder expected = new StringBuilder();
        for (int run = 0; run < RUNS; run++) {
            ProbeOutcome o = interp.runProbe(body, false);
            expected.append(sink.take());
            if (!o.ok()) {
                expected.append(o.errorLine()).append('\n');
            }
        }

        Module m;
        try {
            m = ModuleBuilder.build(ir, List.of(plan(body)), List.of(), limits);
        } catch (CodegenException e) {
            throw new AssertionError(context + "\ncannot compile: " + e.getMessage() + " at " + e.loc(), e);
        }
        try (KernelResources local = new KernelResources()) {
            LoadedModule lm;
            try {
                lm = new LoadedModule(local, m, 0).attach();
            } catch (AssertionError e) {
                throw new AssertionError(context + "\n" + e.getMessage(), e);
            }
            getppid(RUNS);
            String actual = awaitText(lm, expected.toString());
            if (!expected.toString().equals(actual)) {
                fail(context + "\n" + ModulePrinter.print(m) + "\noutput differs:\n--- interpreter\n" + expected
                        + "--- kernel\n" + actual);
            }
            for (GlobalDecl g : RandomPrograms.GLOBALS) {
                compareGlobal(context, g, store, lm);
            }
        }
    }

    private static String awaitText(LoadedModule lm, String expected) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        String text;
        do {
            StringBuilder b = new StringBuilder();
            for (RecordDecoder.Decoded r : lm.records(0)) {
                b.append(r.record().kind() == OutputRecord.Kind.ERROR ? "ERROR: " + r.text() + "\n" : r.text());
            }
            text = b.toString();
            if (text.equals(expected)) {
                return text;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return text;
            }
        } while (System.nanoTime() < deadline);
        return text;
    }

    private static void compareGlobal(String context, GlobalDecl g, MapStore store, LoadedModule lm) {
        String what = context + "\nglobal " + g.name();
        if (g.kind() == GlobalKind.STATS) {
            if (g.keyed()) {
                Map<List<Object>, Object> kernel = lm.entries(g.name());
                assertEquals(store.entries(g.name()).size(), kernel.size(), what + " " + kernel);
                for (MapStore.Entry e : store.entries(g.name())) {
                    compareStats(what + e.key(), (Stats) e.value(), (Stats) kernel.get(e.key()));
                }
            } else {
                compareStats(what, store.stats(g.name(), List.of()), lm.stats(g.name()));
            }
            return;
        }
        if (!g.keyed()) {
            Object v = store.get(g.name(), List.of());
            Object zero = g.valueType() == IrType.STRING ? "" : (Object) 0L;
            assertEquals(v == null ? zero : v, lm.get(g.name()), what);
            return;
        }
        Map<List<Object>, Object> interp = new HashMap<>();
        for (MapStore.Entry e : store.entries(g.name())) {
            interp.put(e.key(), e.value());
        }
        assertEquals(interp, new HashMap<>(lm.entries(g.name())), what);
    }

    private static void compareStats(String what, Stats expected, Stats actual) {
        if (expected == null || actual == null) {
            assertEquals(expected == null, actual == null, what + ": " + expected + " vs " + actual);
            return;
        }
        assertEquals(expected.count(), actual.count(), what + " count");
        assertEquals(expected.sum(), actual.sum(), what + " sum");
        assertEquals(expected.min(), actual.min(), what + " min");
        assertEquals(expected.max(), actual.max(), what + " max");
        assertEquals(expected.variance(), actual.variance(), what + " variance");
        assertArrayEquals(expected.buckets(), actual.buckets(), what + " buckets");
    }
}
