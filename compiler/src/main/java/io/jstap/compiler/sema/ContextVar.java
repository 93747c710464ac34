package io.jstap.compiler.sema;

import io.jstap.compiler.probe.TracepointFormat;
import io.jstap.compiler.probe.UsdtArg;
import java.util.List;

/**
 * A {@code $name} resolved against a probe's target. {@code fields} holds the one tracepoint field read
 * ({@link Access#FIELD}, {@link Access#CHAR_ARRAY}, {@link Access#DATA_LOC_STRING}) or the fields that
 * {@code $$vars}/{@code $$parms} print ({@link Access#ALL_FIELDS}); it is empty for return values.
 */
public record ContextVar(String name, Type type, Access access, List<TracepointFormat.Field> fields,
                         List<UsdtArg> usdtArgs) {

    public enum Access {
        /** A scalar tracepoint field, read at its offset with its size and signedness. */
        FIELD,
        /** An inline {@code char name[N]} field, read as a NUL-terminated string. */
        CHAR_ARRAY,
        /** A {@code __data_loc char[]} field: offset and length of a string in the record. */
        DATA_LOC_STRING,
        /** An array of non-char elements, only readable element by element. */
        ARRAY,
        /** The function's return value ({@code $return} in .return probes). */
        RETURN_VALUE,
        /** {@code $$vars}, {@code $$parms}, {@code $$return}: "name=value" pairs of {@code fields}. */
        ALL_FIELDS,
        /** {@code $argN} of a USDT mark: the one operand in {@code usdtArgs}. */
        USDT_ARG,
        /** {@code $$parms}/{@code $$vars} of a USDT mark: "$arg1=0x.." for each of {@code usdtArgs}. */
        USDT_ALL,
        /** {@code $$name} of a USDT mark (a constant string). */
        MARK_NAME,
        /** {@code $$provider} of a USDT mark (a constant string). */
        MARK_PROVIDER
    }

    public ContextVar {
        fields = List.copyOf(fields);
        usdtArgs = List.copyOf(usdtArgs);
    }

    public ContextVar(String name, Type type, Access access, List<TracepointFormat.Field> fields) {
        this(name, type, access, fields, List.of());
    }
}
