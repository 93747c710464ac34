package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.bpfgen.RecordDecoder;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.module.OutputRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorsKernelTest extends CodegenKernelTest {

    @Test
    void insertingIntoAFullArrayIsAnOverflowError() {
        // a[n++] = 1 with room for 3: the fourth call fails and leaves the array as it was
        LoadedModule m = load(List.of(array("a", IrType.LONG, IrType.LONG).withMaxEntries(3), scalar("n", IrType.LONG)),
                probe(List.of(), s(set(elemAt(at(7, 3), "a", IrType.LONG, inc(gvar("n", IrType.LONG))), num(1))),
                        p("ok\n")));
        getppid(4);
        assertEquals(List.of("ok\n", "ok\n", "ok\n", "Array overflow, check size limit (3) near identifier 'a' at t.stp:7:3"),
                m.texts(4));
        assertEquals(Map.of(List.of(0L), 1L, List.of(1L), 1L, List.of(2L), 1L), m.entries("a"));
    }

    @Test
    void counterIntoAFullArrayUsesMaxMapEntries() {
        LoadedModule m = load(compile(List.of(array("c", IrType.LONG, IrType.LONG), scalar("n", IrType.LONG)), List.of(),
                RuntimeLimits.DEFAULTS.withMaxMapEntries(2),
                probe(List.of(), s(assign(elemAt(at(2, 1), "c", IrType.LONG, inc(gvar("n", IrType.LONG))), AssignOp.ADD, num(5))))));
        getppid(3);
        assertEquals(List.of("Array overflow, check MAXMAPENTRIES near identifier 'c' at t.stp:2:1"), m.texts(1));
        assertEquals(Map.of(List.of(0L), 5L, List.of(1L), 5L), m.entries("c"));
    }

    @Test
    void errorAndWarnCarryTheirMessages() {
        LocalVar msg = lv("msg", IrType.STRING, 0);
        LoadedModule m = load(List.of(), probe(List.of(msg),
                s(fn("warn", IrType.VOID, str("careful"))),
                tryCatch(s(fn("error", IrType.VOID, cat(str("bad "), str("thing")))), msg, p("caught %s\n", ref(msg))),
                s(fnAt(at(5, 9), "error", IrType.VOID, str("fatal"))),
                p("not reached\n")));
        getppid(1);
        List<RecordDecoder.Decoded> r = m.records(3);
        assertEquals(OutputRecord.Kind.WARNING, r.get(0).record().kind());
        assertEquals("careful", r.get(0).text());
        assertEquals("caught bad thing\n", r.get(1).text());
        assertEquals("fatal near identifier 'error' at t.stp:5:9", r.get(2).text());
        assertEquals(3, m.records(4).size());
    }

    @Test
    void nestingBeyondMaxNestingFails() {
        LocalVar a = lv("a", IrType.LONG, 0);
        var inner = function("inner", List.of(a), IrType.LONG, List.of(), ret(ref(a)));
        var outer = function("outer", List.of(a), IrType.LONG, List.of(),
                ret(new io.jstap.compiler.ir.Expr.Call("inner", List.of(ref(a)), IrType.LONG, at(3, 10))));
        LoadedModule m = load(compile(List.of(), List.of(inner, outer), RuntimeLimits.DEFAULTS.withMaxNesting(1),
                probe(List.of(), p("%d\n", call("inner", IrType.LONG, num(1))), p("%d\n", call("outer", IrType.LONG, num(2))))));
        getppid(1);
        assertEquals(List.of("1\n", "MAXNESTING exceeded near identifier 'inner' at t.stp:3:10"), m.texts(2));
    }
}
