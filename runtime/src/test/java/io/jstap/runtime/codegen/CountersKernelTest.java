package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.module.MapDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountersKernelTest extends CodegenKernelTest {

    /** The kernel's comm of the calling thread, what execname() returns. */
    static String threadComm() {
        try {
            return Files.readString(Path.of("/proc/self/task/" + Native.gettid() + "/comm")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void scalarCounterIncrementedOnlyInTheKernelIsPerCpuAndExact() {
        LoadedModule m = load(List.of(scalar("hits", IrType.LONG)), probe(List.of(), s(inc(gvar("hits", IrType.LONG)))));
        assertEquals(MapDef.MapKind.PERCPU_ARRAY, m.def("hits").kind());
        getppid(1000);
        assertEquals(1000L, m.get("hits"));
        long sum = 0;
        for (long v : m.perCpu("hits")) {
            sum += v;
        }
        assertEquals(1000, sum);
        assertEquals(LoadedModule.possibleCpus(), m.perCpu("hits").length);
    }

    @Test
    void counterReadInTheKernelIsSharedAndAtomic() {
        // total += 2; last = total: the read makes total a plain array updated with atomics
        LoadedModule m = load(List.of(scalar("total", IrType.LONG), scalar("last", IrType.LONG)),
                probe(List.of(), s(assign(gvar("total", IrType.LONG), AssignOp.ADD, num(2))),
                        s(set(gvar("last", IrType.LONG), gvar("total", IrType.LONG)))));
        assertEquals(MapDef.MapKind.ARRAY, m.def("total").kind());
        getppid(500);
        assertEquals(1000L, m.get("total"));
        assertEquals(1000L, m.get("last"));
    }

    @Test
    void stringAndTwoKeyArrays() {
        LoadedModule m = load(List.of(array("byName", IrType.LONG, IrType.STRING),
                        array("pairs", IrType.LONG, IrType.LONG, IrType.STRING)),
                probe(List.of(), s(inc(elem("byName", IrType.LONG, fn("execname", IrType.STRING)))),
                        s(assign(elem("pairs", IrType.LONG, fn("pid", IrType.LONG), str("x")), AssignOp.ADD, num(3)))));
        getppid(7);
        assertEquals(Map.of(List.of(threadComm()), 7L), m.entries("byName"));
        assertEquals(Map.of(List.of((long) tgid(), "x"), 21L), m.entries("pairs"));
    }
}
