package io.jstap.compiler.format;

/** The script type a printf argument must have. */
public enum ArgKind {
    LONG,
    STRING
}
