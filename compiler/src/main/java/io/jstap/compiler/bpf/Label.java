package io.jstap.compiler.bpf;

/** A jump or call target inside one {@link Assembler}; bound to a slot with {@link Assembler#bind}. */
public final class Label {
    final Assembler owner;
    private final int id;
    private final String name;
    int slot = -1;

    Label(Assembler owner, int id, String name) {
        this.owner = owner;
        this.id = id;
        this.name = name;
    }

    /** Index of the label in its assembler, in creation order. */
    public int id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isBound() {
        return slot >= 0;
    }

    /** The slot this label is bound to, or -1. */
    public int slot() {
        return slot;
    }

    @Override
    public String toString() {
        return name;
    }
}
