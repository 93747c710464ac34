package io.jstap.compiler.ir;

import java.util.Objects;

/**
 * Where an IR node came from. The position is that of the node's stap <em>token</em>, the one
 * stap names in runtime errors: the operator of a binary, unary or assignment expression, the
 * identifier of a variable, array or function call, the keyword of a statement, the {@code '{'}
 * of a block, the {@code @avg}-style operator of an aggregate.
 *
 * @param file script or tapset file name as the user gave it
 * @param line 1-based line
 * @param col  1-based column
 */
public record SrcLoc(String file, int line, int col) {

    /** For nodes synthesised by the compiler with no source of their own. */
    public static final SrcLoc NONE = new SrcLoc("<synthetic>", 0, 0);

    public SrcLoc {
        Objects.requireNonNull(file, "file");
    }

    /** {@code file:line:col}, as stap prints a source location. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + col;
    }
}
