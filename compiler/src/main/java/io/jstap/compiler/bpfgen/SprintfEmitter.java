package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.format.ArgKind;
import io.jstap.compiler.format.Conversion;
import io.jstap.compiler.format.FormatException;
import io.jstap.compiler.format.PrintfFormat;
import io.jstap.compiler.format.Segment;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.SrcLoc;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sprintf} and the {@code sprint} family in kernel code, for formats of literal text, {@code %s}
 * and plain integer conversions ({@code %d %i %u %x %X %o}, without flags, widths or precisions). The
 * result is built piece by piece with the string append, so it is cut at MAXSTRINGLEN-1 bytes between
 * characters as {@link PrintfFormat#sprintf} cuts it; once a piece fills the buffer the rest are skipped.
 */
final class SprintfEmitter {

    /** Digits are written backwards into a 32-byte buffer that ends with a NUL at this index. */
    private static final int DIGITS_END = 31;

    private final Gen g;
    private final Assembler asm;

    SprintfEmitter(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    void sprintf(Expr.Format f, int dst) {
        PrintfFormat fmt;
        try {
            fmt = PrintfFormat.parse(f.format());
        } catch (FormatException e) {
            throw new IllegalStateException("format \"" + f.format() + "\" should have been rejected: " + e.getMessage(), e);
        }
        emit(fmt, f.args(), dst, f.loc());
    }

    /** sprint, sprintln, sprintd, sprintdln: stap's synthesised %d/%s formats. */
    void sprint(Expr.BuiltinCall e, boolean delimited, boolean newline, int dst) {
        List<Expr> args = e.args();
        String delimiter = null;
        if (delimited) {
            if (!(args.get(0) instanceof Expr.StrLit lit)) {
                throw new CodegenException("the delimiter of " + e.name() + " must be a literal string in kernel probes",
                        e.loc());
            }
            delimiter = lit.value();
            args = args.subList(1, args.size());
        }
        List<ArgKind> kinds = new ArrayList<>();
        for (Expr a : args) {
            if (!a.type().scalar()) {
                throw new CodegenException(e.name() + " of a " + a.type() + " is not supported in kernel probes", e.loc());
            }
            kinds.add(a.type() == IrType.STRING ? ArgKind.STRING : ArgKind.LONG);
        }
        emit(PrintfFormat.forPrint(kinds, delimiter, newline), args, dst, e.loc());
    }

    private void emit(PrintfFormat fmt, List<Expr> args, int dst, SrcLoc loc) {
        for (Segment seg : fmt.segments()) {
            if (seg instanceof Conversion c && !supported(c)) {
                throw new CodegenException("sprintf in kernel probes supports %s, %d, %i, %u, %x, %X and %o without "
                        + "flags, widths or precisions; format the string in an end or timer probe", loc);
            }
        }
        int stackMark = g.storage.stackMark();
        int full = g.storage.stackSlot(loc);
        asm.st(Size.DW, Reg.R10, full, 0);
        g.strings.zero(dst);
        int ai = 0;
        for (Segment seg : fmt.segments()) {
            int mark = g.storage.scratchMark();
            if (seg instanceof Segment.Literal lit) {
                if (!lit.text().isEmpty()) {
                    int buf = g.storage.scratch(g.mod.strSize(), loc);
                    g.strings.literalInto(lit.text(), buf);
                    piece(dst, buf, -1, full);
                }
            } else {
                Conversion c = (Conversion) seg;
                Expr arg = args.get(ai++);
                if (c.type() == 's') {
                    piece(dst, g.strings.temp(arg), -1, full);
                } else {
                    number(c, g.longs.eval(arg), dst, full, loc);
                }
            }
            g.storage.scratchReset(mark);
        }
        g.storage.stackReset(stackMark);
    }

    private static boolean supported(Conversion c) {
        int allowed = Conversion.FLAG_SIGN | (c.type() == 'X' ? Conversion.FLAG_LARGE : 0);
        return "sdiuxXo".indexOf(c.type()) >= 0 && (c.flags() & ~allowed) == 0 && c.width() < 0
                && c.precision() < 0 && !c.widthDynamic() && !c.precisionDynamic();
    }

    /** Appends unless an earlier piece filled the buffer. */
    private void piece(int dst, int src, int srcIndex, int full) {
        Label skip = asm.newLabel("sprintf_full");
        asm.ldx(Size.DW, Reg.R1, Reg.R10, full).jne(Reg.R1, 0, skip);
        g.strings.append(dst, src, srcIndex, full);
        asm.bind(skip);
    }

    /** The digits of {@code v} in the conversion's base, with a '-' piece first for negative %d/%i. */
    private void number(Conversion c, LongVal v, int dst, int full, SrcLoc loc) {
        boolean signed = c.type() == 'd' || c.type() == 'i';
        int base = c.base();
        Temps.Temp value = g.materialize(v);
        if (signed) {
            Reg r = g.temps.read(value, Reg.R1);
            Label positive = asm.newLabel("sprintf_pos");
            asm.jsge(r, 0, positive);
            int minus = g.storage.scratch(g.mod.strSize(), loc);
            g.strings.literalInto("-", minus);
            piece(dst, minus, -1, full);
            asm.bind(positive);
        }
        int digits = g.storage.scratch(DIGITS_END + 1, loc);
        int index = g.storage.scratch(8, loc);
        g.loadInto(Reg.R1, LongVal.of(value));
        if (signed) {
            asm.mov(Reg.R3, Reg.R1).arsh(Reg.R3, 63).xor(Reg.R1, Reg.R3).sub(Reg.R1, Reg.R3); // magnitude
        }
        asm.st(Size.B, Reg.R9, digits + DIGITS_END, 0);
        int max = base == 10 ? 20 : base == 16 ? 16 : 22;
        Label done = asm.newLabel("digits_done");
        for (int k = 0; k < max; k++) {
            int at = DIGITS_END - 1 - k;
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
            asm.add(Reg.R2, '0').stx(Size.B, Reg.R9, digits + at, Reg.R2);
            asm.st(Size.DW, Reg.R9, index, at);
            asm.jeq(Reg.R1, 0, done);
        }
        asm.bind(done);
        g.temps.release(value);
        piece(dst, digits, index, full);
    }
}
