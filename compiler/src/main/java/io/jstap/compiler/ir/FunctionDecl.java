package io.jstap.compiler.ir;

import java.util.List;
import java.util.Objects;

/**
 * A script or tapset function. Its frame holds the parameters in slots 0..p-1, then the locals
 * in slots p.. (each {@link LocalVar#slot()} says so; the constructor checks it).
 *
 * @param returnType LONG, STRING, or VOID for a function that returns no value
 */
public record FunctionDecl(String name, List<LocalVar> params, IrType returnType, List<LocalVar> locals,
                           Stmt body, SrcLoc loc) {

    public FunctionDecl {
        Objects.requireNonNull(name, "name");
        params = List.copyOf(params);
        locals = List.copyOf(locals);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(loc, "loc");
        if (returnType != IrType.LONG && returnType != IrType.STRING && returnType != IrType.VOID) {
            throw new IllegalArgumentException(name + ": return type must be long, string or void");
        }
        Frames.checkSlots(name, params, locals);
    }

    /** Number of slots in a frame of this function. */
    public int frameSize() {
        return params.size() + locals.size();
    }
}
