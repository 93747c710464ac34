package io.jstap.runtime.live;

import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import java.util.stream.Collectors;

/** How globals are named in listings and messages. */
final class Describe {

    private Describe() {
    }

    /** {@code long}, {@code string}, {@code stats}, {@code long[string,long]}. */
    static String type(GlobalDecl g) {
        String value = g.valueType().toString();
        if (!g.keyed()) {
            return value;
        }
        return value + g.keyTypes().stream().map(IrType::toString).collect(Collectors.joining(",", "[", "]"));
    }
}
