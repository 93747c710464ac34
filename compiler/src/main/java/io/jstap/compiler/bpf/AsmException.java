package io.jstap.compiler.bpf;

/** A program the assembler cannot encode: an out-of-range offset, an unbound label, a bad operand. */
public final class AsmException extends RuntimeException {
    public AsmException(String message) {
        super(message);
    }
}
