package io.jstap.compiler.exec;

import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;

import java.util.List;

/** Local variable slots of one probe or function activation, plus its return value. */
final class Frame {

    final Object[] slots;
    Object returnValue;

    Frame(List<LocalVar> params, List<LocalVar> locals) {
        slots = new Object[params.size() + locals.size()];
        for (LocalVar v : params) {
            slots[v.slot()] = zero(v.type());
        }
        for (LocalVar v : locals) {
            slots[v.slot()] = zero(v.type());
        }
    }

    static Object zero(IrType t) {
        return t == IrType.STRING ? "" : (Object) 0L;
    }
}
