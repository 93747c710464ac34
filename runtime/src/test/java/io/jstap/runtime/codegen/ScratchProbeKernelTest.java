package io.jstap.runtime.codegen;

import static io.jstap.runtime.codegen.IrBuild.*;

import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchProbeKernelTest extends CodegenKernelTest {

    @Test
    void nestedUnknownLoops() {
        LocalVar l1 = lv("l1", IrType.LONG, 0);
        Stmt inner = new Stmt.While(cmp(CmpOp.LT, new Expr.IncDec(gvar("gl", IrType.LONG), true, true, L0), num(8)),
                block(s(inc(gvar("hits", IrType.LONG)))), L0);
        Stmt outer = fors(set(ref(l1), num(0)), cmp(CmpOp.LT, ref(l1), num(2)), inc(ref(l1)),
                block(inner, s(assign(ref(l1), AssignOp.AND, gvar("gl", IrType.LONG)))));
        load(compile(List.of(scalar("gl", IrType.LONG), scalar("hits", IrType.LONG)), List.of(),
                RuntimeLimits.DEFAULTS.withMaxAction(Long.getLong("maxaction", 150)), probe(List.of(l1), outer)));
    }
}
