package io.jstap.compiler.ir;

import java.util.List;

/** Frame layout rule shared by functions and probes: parameters then locals, dense slots. */
final class Frames {

    private Frames() {
    }

    static void checkSlots(String owner, List<LocalVar> params, List<LocalVar> locals) {
        int expected = 0;
        for (LocalVar v : params) {
            check(owner, v, expected++);
        }
        for (LocalVar v : locals) {
            check(owner, v, expected++);
        }
    }

    private static void check(String owner, LocalVar v, int expected) {
        if (v.slot() != expected) {
            throw new IllegalArgumentException(owner + ": variable " + v.name() + " has slot " + v.slot()
                    + ", expected " + expected);
        }
    }
}
