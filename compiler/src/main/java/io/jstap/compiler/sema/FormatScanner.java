package io.jstap.compiler.sema;

import io.jstap.compiler.format.ArgKind;
import io.jstap.compiler.format.FormatException;
import io.jstap.compiler.format.PrintfFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The argument types a printf format asks for, read with the same parser the runtime formats with, so a
 * format that elaborates is one that prints: {@code *} widths and precisions and integer conversions take
 * a long, {@code %s} a string.
 */
final class FormatScanner {

    /** The argument types in order, or the problem found (with its offset in the format). */
    record Result(List<Type> argTypes, String error, int errorOffset) {
        boolean ok() {
            return error == null;
        }
    }

    private FormatScanner() {
    }

    static Result scan(String format) {
        try {
            List<Type> types = new ArrayList<>();
            for (ArgKind k : PrintfFormat.parse(format).argKinds()) {
                types.add(k == ArgKind.STRING ? Type.STRING : Type.LONG);
            }
            return new Result(types, null, -1);
        } catch (FormatException e) {
            return new Result(List.of(), e.getMessage(), e.offsetInFormat());
        }
    }
}
