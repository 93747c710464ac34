package io.jstap.compiler.format;

import java.util.List;

/**
 * The value of one global at the end of a run, for {@link GlobalPrinter}. Values are {@link Long},
 * {@link String} or {@link Stats}; array keys are lists of {@link Long} and {@link String}.
 */
public sealed interface GlobalValue permits GlobalValue.Scalar, GlobalValue.Array {

    /** The global's name as the script spells it. */
    String name();

    /** A scalar global. */
    record Scalar(String name, Object value) implements GlobalValue {
        public Scalar {
            checkValue(value);
        }
    }

    /** An array global; entries in the order the map holds them (ties keep this order when sorted). */
    record Array(String name, List<Entry> entries) implements GlobalValue {
        public Array {
            entries = List.copyOf(entries);
        }
    }

    /** One array element. */
    record Entry(List<Object> key, Object value) {
        public Entry {
            key = List.copyOf(key);
            for (Object k : key) {
                if (!(k instanceof Long) && !(k instanceof String)) {
                    throw new IllegalArgumentException("array keys are Long or String, not " + k);
                }
            }
            checkValue(value);
        }
    }

    private static void checkValue(Object value) {
        if (!(value instanceof Long) && !(value instanceof String) && !(value instanceof Stats)) {
            throw new IllegalArgumentException("global values are Long, String or Stats, not " + value);
        }
    }
}
