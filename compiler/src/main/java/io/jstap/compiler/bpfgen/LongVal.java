package io.jstap.compiler.bpfgen;

/** A long computed by emitted code: a compile-time constant, or a value in a {@link Temps.Temp}. */
record LongVal(Temps.Temp temp, long constant) {

    static LongVal of(long constant) {
        return new LongVal(null, constant);
    }

    static LongVal of(Temps.Temp temp) {
        return new LongVal(temp, 0);
    }

    boolean isConst() {
        return temp == null;
    }

    /** A constant that fits an instruction's sign-extended 32-bit immediate. */
    boolean isImm() {
        return temp == null && constant == (int) constant;
    }
}
