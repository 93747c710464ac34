package io.jstap.compiler.ir;

/** Storage shape of a global: one value, an associative array, or statistics (with or without keys). */
public enum GlobalKind {
    SCALAR,
    ARRAY,
    STATS
}
