package io.jstap.compiler.ir;

import java.util.List;
import java.util.Objects;

/**
 * The handler of one probe, after alias expansion.
 *
 * @param name   the probe point as stap prints it in messages ({@code begin}, {@code timer.s(5)}, ...)
 * @param locals the handler's locals, slots 0..n-1
 */
public record ProbeBody(String name, List<LocalVar> locals, Stmt body, SrcLoc loc) {

    public ProbeBody {
        Objects.requireNonNull(name, "name");
        locals = List.copyOf(locals);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(loc, "loc");
        Frames.checkSlots("probe " + name, List.of(), locals);
    }

    public int frameSize() {
        return locals.size();
    }
}
