package io.jstap.compiler.module;

import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.SrcLoc;
import java.util.List;

/**
 * A kind of ring-buffer record kernel code emits. Every record starts with a header: u32 {@link Kind}
 * ordinal at 0, u32 {@code id} at 4; arguments follow at their offsets (longs as s64, strings as
 * NUL-terminated bytes of their slot width).
 *
 * @param text PRINTF: the format; ERROR/WARNING: the message (location appended by the runtime)
 */
public record OutputRecord(int id, Kind kind, String text, List<Arg> args, int size, SrcLoc loc) {

    public static final int HEADER = 8;

    public OutputRecord {
        args = List.copyOf(args);
    }

    public enum Kind { PRINTF, EXIT, ERROR, WARNING }

    public record Arg(IrType type, int offset, int size) {
    }
}
