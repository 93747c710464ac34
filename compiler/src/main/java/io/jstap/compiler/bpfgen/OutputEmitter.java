package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
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
import io.jstap.compiler.module.OutputRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Records for the runtime: printf and the print family build a record in scratch (header, then each
 * argument at its offset) and copy it into the ring buffer with ringbuf_output; a full ring counts the
 * record in COUNTERS[0] instead, so losses are reported, never silent. exit() writes an EXIT record and
 * lets the handler finish, as stap's does.
 */
final class OutputEmitter {

    private final Gen g;
    private final Assembler asm;

    OutputEmitter(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    // ---- raw records

    void header(int rec, OutputRecord r) {
        asm.st(Size.W, Reg.R9, rec, r.kind().ordinal());
        asm.st(Size.W, Reg.R9, rec + 4, r.id());
    }

    /** ringbuf_output of {@code size} bytes of scratch at {@code off}. */
    void emitScratch(int off, int size) {
        g.scratchAddr(Reg.R2, off);
        emit(size);
    }

    /** ringbuf_output of {@code size} bytes of stack at {@code off}. */
    void emitStack(int off, int size) {
        g.stackAddr(Reg.R2, off);
        emit(size);
    }

    private void emit(int size) {
        g.mapRef(Reg.R1, ModuleContext.OUTPUT);
        asm.mov(Reg.R3, size).mov(Reg.R4, 0).call(Helper.RINGBUF_OUTPUT);
        Label ok = asm.newLabel("output_ok");
        asm.jeq(Reg.R0, 0, ok);
        countDrop();
        asm.bind(ok);
    }

    /** COUNTERS[0] += 1 on this CPU. */
    private void countDrop() {
        Label done = asm.newLabel("dropped");
        g.mapRef(Reg.R1, ModuleContext.COUNTERS);
        g.zeroKey(Reg.R2);
        asm.call(Helper.MAP_LOOKUP_ELEM).jeq(Reg.R0, 0, done);
        asm.ldx(Size.DW, Reg.R1, Reg.R0, MapPlanner.COUNTER_DROPS * 8).add(Reg.R1, 1)
                .stx(Size.DW, Reg.R0, MapPlanner.COUNTER_DROPS * 8, Reg.R1);
        asm.bind(done);
    }

    /** Evaluates {@code args} into a new record of kind {@code r} and outputs it. */
    void record(OutputRecord r, List<Expr> args) {
        int mark = g.storage.scratchMark();
        int rec = g.storage.scratch(r.size(), g.loc());
        header(rec, r);
        for (int i = 0; i < args.size(); i++) {
            Expr a = args.get(i);
            int off = rec + r.args().get(i).offset();
            if (r.args().get(i).type() == IrType.STRING) {
                g.strings.into(a, off);
            } else {
                LongVal v = g.longs.eval(a);
                asm.stx(Size.DW, Reg.R9, off, g.load(v, Reg.R1));
                g.release(v);
            }
        }
        emitScratch(rec, r.size());
        g.storage.scratchReset(mark);
    }

    // ---- statements of the language

    void printf(Expr.Format e) {
        PrintfFormat fmt = parse(e);
        List<IrType> types = new ArrayList<>();
        for (ArgKind k : fmt.argKinds()) {
            types.add(k == ArgKind.STRING ? IrType.STRING : IrType.LONG);
        }
        if (types.size() != e.args().size()) {
            throw new IllegalStateException("printf at " + e.loc() + " has " + e.args().size()
                    + " arguments for " + types.size() + " conversions");
        }
        record(g.mod.records().printf(e.format(), types, e.loc()), e.args());
    }

    private static PrintfFormat parse(Expr.Format e) {
        PrintfFormat fmt;
        try {
            fmt = PrintfFormat.parse(e.format());
        } catch (FormatException ex) {
            throw new IllegalStateException("format \"" + e.format() + "\" should have been rejected: "
                    + ex.getMessage(), ex);
        }
        for (Segment s : fmt.segments()) {
            if (s instanceof Conversion c && c.dumpsMemory()) {
                throw new CodegenException("%" + c.type() + " memory dumps are not supported in kernel probes",
                        e.loc());
            }
        }
        return fmt;
    }

    /** print/println/printd/printdln: stap's synthesised %d/%s format. */
    void print(Expr.BuiltinCall e, boolean delimited, boolean newline) {
        List<Expr> args = e.args();
        String delimiter = null;
        if (delimited) {
            if (!(args.get(0) instanceof Expr.StrLit lit)) {
                throw new CodegenException("the delimiter of " + e.name()
                        + " must be a literal string in kernel probes", e.loc());
            }
            delimiter = lit.value();
            args = args.subList(1, args.size());
        }
        List<ArgKind> kinds = new ArrayList<>();
        List<IrType> types = new ArrayList<>();
        for (Expr a : args) {
            if (a.type() == IrType.HISTOGRAM) {
                throw new CodegenException("printing a histogram is not supported in kernel probes; "
                        + "print it in an end or timer probe", e.loc());
            }
            kinds.add(a.type() == IrType.STRING ? ArgKind.STRING : ArgKind.LONG);
            types.add(a.type() == IrType.STRING ? IrType.STRING : IrType.LONG);
        }
        String format = PrintfFormat.forPrint(kinds, delimiter, newline).source();
        record(g.mod.records().printf(format, types, e.loc()), args);
    }

    /** log(msg): the message and a newline. */
    void log(Expr.BuiltinCall e) {
        record(g.mod.records().printf("%s\n", List.of(IrType.STRING), e.loc()), e.args());
    }

    void warn(Expr.BuiltinCall e) {
        record(g.mod.records().warning("%s", List.of(IrType.STRING), e.loc()), e.args());
    }

    void exit(Expr.BuiltinCall e) {
        OutputRecord r = g.mod.records().exit(e.loc());
        asm.st(Size.W, Reg.R10, g.headerSlot, r.kind().ordinal());
        asm.st(Size.W, Reg.R10, g.headerSlot + 4, r.id());
        emitStack(g.headerSlot, OutputRecord.HEADER);
    }
}
