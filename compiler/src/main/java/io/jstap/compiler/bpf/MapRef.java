package io.jstap.compiler.bpf;

/** A map named symbolically in a program; the loader substitutes the real fd. */
public record MapRef(String name) {
    public MapRef {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("map reference needs a name");
        }
    }
}
