package io.jstap.compiler.sema;

import io.jstap.compiler.probe.TracepointFormat;
import java.util.List;

/**
 * A {@code $name} resolved against a probe's target. {@code fields} holds the one tracepoint field read
 * ({@link Access#FIELD}, {@link Access#CHAR_ARRAY}, {@link Access#DATA_LOC_STRING}) or the fields that
 * {@code $$vars}/{@code $$parms} print ({@link Access#ALL_FIELDS}); it is empty for return values.
 */
public record ContextVar(String name, Type type, Access access, List<TracepointFormat.Field> fields) {

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
        ALL_FIELDS
    }

    public ContextVar {
        fields = List.copyOf(fields);
    }
}
