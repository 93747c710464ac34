package io.jstap.compiler.bpfgen;

import static io.jstap.compiler.ir.Ir.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.OutputRecord;
import io.jstap.compiler.module.OutputRecord.Arg;
import io.jstap.compiler.module.OutputRecord.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordLayoutTest {

    @Test
    void printfArgumentsFollowTheHeaderAtAlignedOffsets() {
        Module m = Modules.module(List.of(), s(printf("%d %s %d\n", num(1), str("x"), num(2))));
        OutputRecord r = m.records().get(0);
        assertEquals(new OutputRecord(0, Kind.PRINTF, "%d %s %d\n", List.of(new Arg(IrType.LONG, 8, 8),
                new Arg(IrType.STRING, 16, 128), new Arg(IrType.LONG, 144, 8)), 152, L0, null), r);
    }

    @Test
    void oddStringSizesStayAligned() {
        Module m = Modules.module(List.of(), List.of(), RuntimeLimits.DEFAULTS.withMaxStringLen(20),
                Modules.body(List.of(), p("%s%d\n", str("a"), num(1))));
        assertEquals(List.of(new Arg(IrType.STRING, 8, 20), new Arg(IrType.LONG, 32, 8)), m.records().get(0).args());
        assertEquals(40, m.records().get(0).size());
    }

    @Test
    void printFamilyUsesStapsSynthesisedFormats() {
        Module m = Modules.module(List.of(), s(fn("print", IrType.VOID, num(1), str("a"))),
                s(fn("println", IrType.VOID, str("b"))), s(fn("printdln", IrType.VOID, str("%,"), num(1), num(2))),
                s(fnAt(at(2, 1), "log", IrType.VOID, str("m"))), s(fnAt(at(3, 1), "println", IrType.VOID)));
        assertEquals(List.of("%d%s", "%s\n", "%d%%,%d\n", "%s\n", "\n"),
                m.records().stream().map(OutputRecord::text).toList());
    }

    @Test
    void errorsCarryTheMessageAndTheTokenTheyAreNear() {
        LocalVar z = lv("z", IrType.LONG, 0);
        Module m = Modules.module(List.of(), List.of(), RuntimeLimits.DEFAULTS, Modules.body(List.of(z),
                s(bin(BinOp.DIV, num(1), ref(z), at(2, 5))), s(bin(BinOp.MOD, num(1), ref(z), at(3, 5))),
                s(fnAt(at(4, 1), "error", IrType.VOID, str("boom"))), s(fnAt(at(5, 1), "exit", IrType.VOID))));
        assertEquals(List.of(
                new OutputRecord(0, Kind.ERROR, "division by 0", List.of(), 8, at(2, 5), "operator '/' at t.stp:2:5"),
                new OutputRecord(1, Kind.ERROR, "division by 0", List.of(), 8, at(3, 5), "operator '%' at t.stp:3:5"),
                new OutputRecord(2, Kind.ERROR, "%s", List.of(new Arg(IrType.STRING, 8, 128)), 136, at(4, 1),
                        "identifier 'error' at t.stp:4:1"),
                new OutputRecord(3, Kind.EXIT, "", List.of(), 8, at(5, 1), null)), m.records());
        assertEquals("division by 0 near operator '/' at t.stp:2:5", m.records().get(0).fullMessage("division by 0"));
    }

    @Test
    void sitesThatWriteTheSameRecordShareIt() {
        LocalVar z = lv("z", IrType.LONG, 0);
        var div = bin(BinOp.DIV, num(1), ref(z), at(2, 5));
        Module m = Modules.module(List.of(), List.of(), RuntimeLimits.DEFAULTS, Modules.body(List.of(z), s(div), s(div)));
        assertEquals(1, m.records().size());
    }
}
