package io.jstap.compiler.bpfgen;

import io.jstap.compiler.ir.SrcLoc;

/** A construct that cannot run in a kernel probe (foreach, recursion, an unsupported builtin, ...). */
public final class CodegenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SrcLoc loc;

    public CodegenException(String message, SrcLoc loc) {
        super(message, null, false, false);
        this.loc = loc;
    }

    /** Where the construct is; never null ({@link SrcLoc#NONE} when unknown). */
    public SrcLoc loc() {
        return loc == null ? SrcLoc.NONE : loc;
    }
}
