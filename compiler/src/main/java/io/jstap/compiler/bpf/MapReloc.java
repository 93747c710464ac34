package io.jstap.compiler.bpf;

/**
 * Tells the loader to write the fd of {@code map} into the imm of ld_imm64 slot {@code slot}.
 * The slot's src already says which kind: PSEUDO_MAP_FD (1) when {@code value} is false,
 * PSEUDO_MAP_VALUE (2) when true (the value offset sits in the next slot's imm).
 */
public record MapReloc(int slot, MapRef map, boolean value) {
    public MapReloc {
        if (slot < 0 || map == null) {
            throw new IllegalArgumentException("bad map relocation: slot " + slot + ", map " + map);
        }
    }
}
