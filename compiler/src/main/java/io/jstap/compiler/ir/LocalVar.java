package io.jstap.compiler.ir;

import java.util.Objects;

/** A local variable or parameter, addressed by its slot in the frame of its function or probe. */
public record LocalVar(String name, IrType type, int slot) {

    public LocalVar {
        Objects.requireNonNull(name, "name");
        if (type == null || !type.scalar()) {
            throw new IllegalArgumentException("local " + name + " must be long or string, got " + type);
        }
        if (slot < 0) {
            throw new IllegalArgumentException("negative slot for " + name);
        }
    }
}
