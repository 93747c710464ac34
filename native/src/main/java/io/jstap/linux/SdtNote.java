package io.jstap.linux;

/**
 * One USDT probe site from an ELF file's {@code .note.stapsdt} section (sys/sdt.h, note type 3).
 * {@code pc} and {@code semaphore} are link-time virtual addresses already corrected for prelinking
 * (the note's base against the {@code .stapsdt.base} section's address); {@code semaphore} is 0 when
 * the probe has none. {@code args} is the operand text, e.g. {@code -4@%edi 8@-16(%rbp) 4@$5}.
 */
public record SdtNote(String provider, String name, long pc, long semaphore, String args) {
}
