package io.jstap.compiler.module;

import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.SrcLoc;
import java.util.List;

/**
 * A kind of ring-buffer record kernel code emits. Every record starts with a header: u32 {@link Kind}
 * ordinal at 0, u32 {@code id} at 4; arguments follow at their offsets (longs as s64, strings as
 * NUL-terminated bytes of their slot width).
 *
 * @param text PRINTF: the format. ERROR/WARNING: the message when {@code args} is empty, else a printf
 *             format applied to the args (e.g. {@code "%s"} for {@code error(msg)})
 * @param near ERROR/WARNING: the token the message is reported near, as stap prints it
 *             ({@code operator '/' at t.stp:3:9}), or null
 */
public record OutputRecord(int id, Kind kind, String text, List<Arg> args, int size, SrcLoc loc, String near) {

    public static final int HEADER = 8;

    public OutputRecord {
        args = List.copyOf(args);
    }

    public OutputRecord(int id, Kind kind, String text, List<Arg> args, int size, SrcLoc loc) {
        this(id, kind, text, args, size, loc, null);
    }

    public enum Kind { PRINTF, EXIT, ERROR, WARNING }

    public record Arg(IrType type, int offset, int size) {
    }

    /**
     * What stap prints after {@code ERROR: } for this record, given its formatted message:
     * {@code division by 0 near operator '/' at t.stp:3:9}.
     */
    public String fullMessage(String message) {
        return near == null ? message : message + " near " + near;
    }
}
