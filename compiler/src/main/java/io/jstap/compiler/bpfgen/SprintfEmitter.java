package io.jstap.compiler.bpfgen;

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
 * {@code %c} and integer conversions ({@code %d %i %u %x %X %o}) with stap's flags, widths up to 31 and
 * precisions (built by {@link FieldEmitter}). The
 * result is built piece by piece with the string append, so it is cut at MAXSTRINGLEN-1 bytes between
 * characters as {@link PrintfFormat#sprintf} cuts it; once a piece fills the buffer the rest are skipped.
 */
final class SprintfEmitter {

    private final Gen g;
    private final FieldEmitter fields;

    SprintfEmitter(Gen g) {
        this.g = g;
        this.fields = new FieldEmitter(g);
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
            if (seg instanceof Conversion c && !FieldEmitter.supported(c)) {
                throw new CodegenException("sprintf in kernel probes supports %s, %c, %d, %i, %u, %x, %X and %o with "
                        + "flags and widths up to " + FieldEmitter.END + "; format the string in an end or timer probe",
                        loc);
            }
        }
        int stackMark = g.storage.stackMark();
        int full = g.storage.stackSlot(loc);
        g.asm.st(Size.DW, Reg.R10, full, 0);
        g.strings.zero(dst);
        int ai = 0;
        for (Segment seg : fmt.segments()) {
            int mark = g.storage.scratchMark();
            if (seg instanceof Segment.Literal lit) {
                if (!lit.text().isEmpty()) {
                    int buf = g.storage.scratch(g.mod.strSize(), loc);
                    g.strings.literalInto(lit.text(), buf);
                    fields.piece(dst, buf, -1, full);
                }
            } else {
                Conversion c = (Conversion) seg;
                Expr arg = args.get(ai++);
                if (c.type() == 's') {
                    fields.string(c, arg, dst, full, loc);
                } else if (c.type() == 'c') {
                    fields.character(c, g.longs.eval(arg), dst, full, loc);
                } else {
                    fields.number(c, g.longs.eval(arg), dst, full, loc);
                }
            }
            g.storage.scratchReset(mark);
        }
        g.storage.stackReset(stackMark);
    }
}
