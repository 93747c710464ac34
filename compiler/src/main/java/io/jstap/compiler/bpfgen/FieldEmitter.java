package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.format.Conversion;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.SrcLoc;

/**
 * One sprintf conversion in kernel code, with stap's flags ({@code - 0 # + space}), widths and
 * precisions, following the userspace {@code ConversionWriter} rules. bpf_snprintf has no {@code %o}
 * and no {@code #}, so the text is built here: a number is written backwards into a 32-byte buffer
 * (digits, zero padding, prefix, sign, space padding), each step at constant offsets, and then
 * appended from the first byte used.
 */
final class FieldEmitter {

    /** The field buffer is 32 bytes ending with a NUL at this index, so widths are at most 31. */
    static final int END = 31;

    private final Gen g;
    private final Assembler asm;

    FieldEmitter(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    /** Whether kernel code can produce this conversion. */
    static boolean supported(Conversion c) {
        boolean plain = !c.widthDynamic() && !c.precisionDynamic() && c.width() <= END;
        if (c.type() == 's') {
            return plain && (c.flags() & ~(Conversion.FLAG_LEFT | Conversion.FLAG_SPACE | Conversion.FLAG_PLUS
                    | Conversion.FLAG_SPECIAL)) == 0;
        }
        if (c.type() == 'c') {
            return plain && c.precision() < 0 && !c.hasFlag(Conversion.FLAG_SPECIAL);
        }
        return "diuxXo".indexOf(c.type()) >= 0 && plain && c.precision() <= END - 3;
    }

    /** Appends unless an earlier piece filled the buffer. */
    void piece(int dst, int src, int srcIndex, int full) {
        Label skip = asm.newLabel("sprintf_full");
        asm.ldx(Size.DW, Reg.R1, Reg.R10, full).jne(Reg.R1, 0, skip);
        g.strings.append(dst, src, srcIndex, full);
        asm.bind(skip);
    }

    /** {@code %s}: the string cut to the precision and padded to the width. */
    void string(Conversion c, Expr arg, int dst, int full, SrcLoc loc) {
        int s = g.strings.temp(arg);
        if (c.precision() >= 0 && c.precision() < g.mod.strSize() - 1) {
            asm.st(Size.B, Reg.R9, s + c.precision(), 0);
        }
        if (c.width() <= 0) {
            piece(dst, s, -1, full);
            return;
        }
        int index = g.storage.scratch(8, loc);
        g.strings.strlen(s);
        if (!c.hasFlag(Conversion.FLAG_LEFT)) {
            padding(c.width(), index, dst, full, loc);
        }
        piece(dst, s, -1, full);
        if (c.hasFlag(Conversion.FLAG_LEFT)) {
            g.strings.strlen(s);
            padding(c.width(), index, dst, full, loc);
        }
    }

    /** {@code %c}: the low byte, padded to the width. */
    void character(Conversion c, LongVal v, int dst, int full, SrcLoc loc) {
        int buf = g.storage.scratch(8, loc);
        Temps.Temp value = g.materialize(v);
        g.loadInto(Reg.R1, LongVal.of(value));
        g.temps.release(value);
        asm.and(Reg.R1, 0xFF).stx(Size.DW, Reg.R9, buf, Reg.R1);
        String pad = " ".repeat(Math.max(0, c.width() - 1));
        if (!c.hasFlag(Conversion.FLAG_LEFT)) {
            literal(pad, dst, full, loc);
        }
        piece(dst, buf, -1, full);
        // a NUL byte ends the C string userspace builds: nothing after it shows
        Label printable = asm.newLabel("char_nonzero");
        asm.ldx(Size.B, Reg.R1, Reg.R9, buf).jne(Reg.R1, 0, printable).st(Size.DW, Reg.R10, full, 1).bind(printable);
        if (c.hasFlag(Conversion.FLAG_LEFT)) {
            literal(pad, dst, full, loc);
        }
    }

    private void literal(String text, int dst, int full, SrcLoc loc) {
        if (!text.isEmpty()) {
            int buf = g.storage.scratch(g.mod.strSize(), loc);
            g.strings.literalInto(text, buf);
            piece(dst, buf, -1, full);
        }
    }

    /** Appends {@code width - len} spaces when positive; {@code len} is in R0 (0..MAXSTRINGLEN-1). */
    private void padding(int width, int index, int dst, int full, SrcLoc loc) {
        Reg len = Reg.R0; // the spaces below only use R1
        // END spaces and a NUL, written directly since a string literal is cut to MAXSTRINGLEN-1
        int spaces = g.storage.scratch(END + 1, loc);
        asm.ldImm64(Reg.R1, 0x2020202020202020L);
        for (int off = 0; off < END + 1; off += 8) {
            asm.stx(Size.DW, Reg.R9, spaces + off, Reg.R1);
        }
        asm.st(Size.B, Reg.R9, spaces + END, 0);
        Label none = asm.newLabel("pad_none");
        asm.jge(len, width, none);
        // the spaces run from 0 to END; start END - (width - len) bytes in
        asm.add(len, END - width).stx(Size.DW, Reg.R9, index, len);
        piece(dst, spaces, index, full);
        asm.bind(none);
    }

    /** Integer conversions: stap's {@code number()} built backwards from the last digit. */
    void number(Conversion c, LongVal v, int dst, int full, SrcLoc loc) {
        boolean signed = c.type() == 'd' || c.type() == 'i';
        boolean left = c.hasFlag(Conversion.FLAG_LEFT);
        int base = c.base();
        int prefix = c.hasFlag(Conversion.FLAG_SPECIAL) ? (base == 16 ? 2 : base == 8 ? 1 : 0) : 0;
        boolean fixedSign = signed && (c.hasFlag(Conversion.FLAG_PLUS) || c.hasFlag(Conversion.FLAG_SPACE));
        Temps.Temp value = g.materialize(v);
        int buf = g.storage.scratch(END + 1, loc);
        int index = g.storage.scratch(8, loc);
        digits(c, signed, value, buf, index);
        if (c.precision() > 0) {
            fillDown(buf, index, END - c.precision(), '0');
        }
        if (c.hasFlag(Conversion.FLAG_ZEROPAD) && !left && c.width() > 0) {
            int digitsWidth = c.width() - prefix - (fixedSign ? 1 : 0);
            if (signed && !fixedSign) {
                Label negative = asm.newLabel("zero_neg");
                Label zeroed = asm.newLabel("zeroed");
                asm.jslt(g.temps.read(value, Reg.R1), 0, negative);
                fillDown(buf, index, END - digitsWidth, '0');
                asm.ja(zeroed).bind(negative);
                fillDown(buf, index, END - (digitsWidth - 1), '0');
                asm.bind(zeroed);
            } else {
                fillDown(buf, index, END - digitsWidth, '0');
            }
        }
        if (prefix == 2) {
            push(buf, index, c.type() == 'X' ? 'X' : 'x');
        }
        if (prefix > 0) {
            push(buf, index, '0');
        }
        if (signed) {
            Label positive = asm.newLabel("sign_pos");
            Label signDone = asm.newLabel("sign_done");
            asm.jsge(g.temps.read(value, Reg.R1), 0, positive);
            push(buf, index, '-');
            asm.ja(signDone).bind(positive);
            if (fixedSign) {
                push(buf, index, c.hasFlag(Conversion.FLAG_PLUS) ? '+' : ' ');
            }
            asm.bind(signDone);
        }
        g.temps.release(value);
        if (!left && c.width() > 0) {
            fillDown(buf, index, END - c.width(), ' ');
        }
        piece(dst, buf, index, full);
        if (left && c.width() > 0) {
            asm.mov(Reg.R0, END).ldx(Size.DW, Reg.R2, Reg.R9, index).sub(Reg.R0, Reg.R2);
            padding(c.width(), index, dst, full, loc);
        }
    }

    /** The unsigned digits (of the magnitude for %d/%i), ending at {@link #END}; their start goes to {@code index}. */
    private void digits(Conversion c, boolean signed, Temps.Temp value, int buf, int index) {
        int base = c.base();
        g.loadInto(Reg.R1, LongVal.of(value));
        if (signed) {
            asm.mov(Reg.R3, Reg.R1).arsh(Reg.R3, 63).xor(Reg.R1, Reg.R3).sub(Reg.R1, Reg.R3); // magnitude
        }
        asm.st(Size.B, Reg.R9, buf + END, 0);
        int max = base == 10 ? 20 : base == 16 ? 16 : 22;
        Label done = asm.newLabel("digits_done");
        for (int k = 0; k < max; k++) {
            int at = END - 1 - k;
            asm.mov(Reg.R2, Reg.R1);
            if (base == 10) {
                asm.mod(Reg.R2, 10).div(Reg.R1, 10);
            } else {
                asm.and(Reg.R2, base - 1).rsh(Reg.R1, base == 16 ? 4 : 3);
            }
            if (base == 16) {
                // 10..15 become letters: add 'a' - '0' - 10 (or 'A' - ...) when the digit exceeds 9
                asm.mov(Reg.R5, 9).sub(Reg.R5, Reg.R2).arsh(Reg.R5, 63).and(Reg.R5, c.type() == 'X' ? 7 : 39)
                        .add(Reg.R2, Reg.R5);
            }
            asm.add(Reg.R2, '0').stx(Size.B, Reg.R9, buf + at, Reg.R2);
            asm.st(Size.DW, Reg.R9, index, at);
            asm.jeq(Reg.R1, 0, done);
        }
        asm.bind(done);
    }

    /** Writes {@code ch} into every byte from the current start down to {@code target}, constant offsets only. */
    private void fillDown(int buf, int index, int target, char ch) {
        if (target >= END) {
            return;
        }
        target = Math.max(0, target);
        asm.ldx(Size.DW, Reg.R1, Reg.R9, index);
        for (int p = END - 1; p >= target; p--) {
            Label filled = asm.newLabel("filled");
            asm.jle(Reg.R1, p, filled);
            asm.st(Size.B, Reg.R9, buf + p, ch).mov(Reg.R1, p);
            asm.bind(filled);
        }
        asm.stx(Size.DW, Reg.R9, index, Reg.R1);
    }

    /** Writes {@code ch} just before the current start. */
    private void push(int buf, int index, char ch) {
        Label done = asm.newLabel("pushed");
        asm.ldx(Size.DW, Reg.R1, Reg.R9, index);
        for (int p = END - 1; p >= 0; p--) {
            Label next = asm.newLabel("push_next");
            asm.jne(Reg.R1, p + 1, next);
            asm.st(Size.B, Reg.R9, buf + p, ch).st(Size.DW, Reg.R9, index, p).ja(done);
            asm.bind(next);
        }
        asm.bind(done);
    }
}
