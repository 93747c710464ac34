package io.jstap.linux;

/** One defined function symbol of an ELF file. {@code value} is a virtual address (st_value). */
public record ElfSymbol(String name, long value, long size, int type, int bind) {

    public static final int STT_FUNC = 2, STT_GNU_IFUNC = 10;
    public static final int STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2;

    /** An IFUNC's value is its resolver, not the implementation that calls end up in. */
    public boolean ifunc() {
        return type == STT_GNU_IFUNC;
    }
}
