package io.jstap.compiler.probe;

import java.util.List;

/**
 * One USDT probe site of an ELF file ({@code .note.stapsdt}): {@code provider:name}, the file offset of the
 * probed instruction ({@code -1} when the catalog only knows the name), the file offset of its semaphore
 * (0 for none) and the operand text of its arguments ({@code -4@%edi 8@-16(%rbp) 4@$5}).
 */
public record UsdtProbe(String provider, String name, long pcOffset, long semaphoreOffset, String argText) {

    public UsdtProbe {
        argText = argText == null ? "" : argText.strip();
    }

    /** A probe known by name only (no site), as catalogs that list names build it. */
    public static UsdtProbe named(String provider, String name) {
        return new UsdtProbe(provider, name, -1, 0, "");
    }

    /** The arguments, parsed; {@link UsdtArg.ParseException} names the operand that cannot be read. */
    public List<UsdtArg> args() throws UsdtArg.ParseException {
        return UsdtArg.parseAll(argText);
    }

    /** How many arguments the note lists (without parsing them). */
    public int argCount() {
        return argText.isEmpty() ? 0 : argText.split("\\s+").length;
    }
}
