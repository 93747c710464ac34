package io.jstap.compiler.exec;

/** A new element did not fit: the global holds its maximum number of entries and does not wrap. */
public final class MapFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String global;
    private final int limit;

    public MapFullException(String global, int limit) {
        super("array " + global + " is full (" + limit + " entries)");
        this.global = global;
        this.limit = limit;
    }

    public String global() {
        return global;
    }

    public int limit() {
        return limit;
    }
}
