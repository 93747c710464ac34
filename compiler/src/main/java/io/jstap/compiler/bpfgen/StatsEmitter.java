package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.module.StatsLayout;

/**
 * {@code s <<< v}: updates this CPU's accumulator exactly as {@link io.jstap.compiler.format.Stats#add}
 * does (count, sum, min, max, Welford's running mean and variance with stap's 32-bit delta, and the
 * histogram bucket), so the runtime's fold of the per-CPU values matches the interpreter. A missing
 * element is first inserted zeroed (an empty accumulator); another CPU winning that insert is fine.
 */
final class StatsEmitter {

    private final Gen g;
    private final Assembler asm;

    StatsEmitter(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    LongVal add(Expr.StatsAdd e) {
        int mark = g.storage.scratchMark();
        GlobalAccess.Place p = g.globals.place(e.target());
        Temps.Temp value = g.materialize(g.longs.eval(e.value()));
        StatsLayout layout = p.map().def().value().stats();
        Label found = asm.newLabel("stats_found");
        Label done = asm.newLabel("stats_done");
        g.globals.lookup(p);
        asm.jne(Reg.R0, 0, found);
        int zeros = g.storage.scratch(layout.size(), e.loc());
        g.strings.zero(Reg.R9, zeros, layout.size());
        g.scratchAddr(Reg.R3, zeros);
        g.globals.update(p, Reg.R3, GlobalAccess.BPF_NOEXIST);
        Label inserted = asm.newLabel("stats_inserted");
        asm.jeq(Reg.R0, 0, inserted);
        if (p.map().canOverflow()) {
            asm.jne(Reg.R0, -GlobalAccess.EEXIST, g.globals.overflow(p));
        }
        asm.bind(inserted);
        g.globals.lookup(p);
        asm.jeq(Reg.R0, 0, done);
        asm.bind(found);
        accumulate(value, p.map().decl().varianceShift(), p.map().decl().histogram(), layout);
        asm.bind(done);
        g.storage.scratchReset(mark);
        return LongVal.of(value);
    }

    /** Adds the value in {@code value} to the accumulator at R0. */
    private void accumulate(Temps.Temp value, int shift, HistogramSpec hist, StatsLayout layout) {
        Label notFirst = asm.newLabel("stats_more");
        Label histogram = asm.newLabel("stats_hist");
        Reg v = Reg.R1;
        g.loadInto(v, LongVal.of(value));
        asm.ldx(Size.DW, Reg.R2, Reg.R0, StatsLayout.COUNT).jne(Reg.R2, 0, notFirst);
        asm.st(Size.DW, Reg.R0, StatsLayout.COUNT, 1);
        asm.stx(Size.DW, Reg.R0, StatsLayout.SUM, v).stx(Size.DW, Reg.R0, StatsLayout.MIN, v)
                .stx(Size.DW, Reg.R0, StatsLayout.MAX, v);
        asm.mov(Reg.R3, v);
        if (shift > 0) {
            asm.lsh(Reg.R3, shift);
        }
        asm.stx(Size.DW, Reg.R0, StatsLayout.AVG_S, Reg.R3).st(Size.DW, Reg.R0, StatsLayout.M2, 0);
        asm.ja(histogram);

        asm.bind(notFirst);
        asm.add(Reg.R2, 1).stx(Size.DW, Reg.R0, StatsLayout.COUNT, Reg.R2);
        asm.ldx(Size.DW, Reg.R3, Reg.R0, StatsLayout.SUM).add(Reg.R3, v).stx(Size.DW, Reg.R0, StatsLayout.SUM, Reg.R3);
        Label maxDone = asm.newLabel("max_done");
        asm.ldx(Size.DW, Reg.R3, Reg.R0, StatsLayout.MAX).jsle(v, Reg.R3, maxDone)
                .stx(Size.DW, Reg.R0, StatsLayout.MAX, v).bind(maxDone);
        Label minDone = asm.newLabel("min_done");
        asm.ldx(Size.DW, Reg.R3, Reg.R0, StatsLayout.MIN).jsge(v, Reg.R3, minDone)
                .stx(Size.DW, Reg.R0, StatsLayout.MIN, v).bind(minDone);
        // Welford: delta = (int) (scaled - avg_s); avg_s += delta / count; m2 += delta * (scaled - avg_s)
        asm.mov(Reg.R3, v);
        if (shift > 0) {
            asm.lsh(Reg.R3, shift);
        }
        asm.ldx(Size.DW, Reg.R4, Reg.R0, StatsLayout.AVG_S);
        asm.mov(Reg.R5, Reg.R3).sub(Reg.R5, Reg.R4).lsh(Reg.R5, 32).arsh(Reg.R5, 32);
        asm.mov(Reg.R1, Reg.R5);
        signedDivByPositive(Reg.R1, Reg.R2);
        asm.add(Reg.R4, Reg.R1).stx(Size.DW, Reg.R0, StatsLayout.AVG_S, Reg.R4);
        asm.sub(Reg.R3, Reg.R4).mul(Reg.R3, Reg.R5);
        asm.ldx(Size.DW, Reg.R1, Reg.R0, StatsLayout.M2).add(Reg.R1, Reg.R3).stx(Size.DW, Reg.R0, StatsLayout.M2, Reg.R1);
        // variance_s = m2 / (count - 1); count >= 2 here
        asm.sub(Reg.R2, 1);
        signedDivByPositive(Reg.R1, Reg.R2);
        asm.stx(Size.DW, Reg.R0, StatsLayout.VARIANCE_S, Reg.R1);

        asm.bind(histogram);
        if (hist.type() != HistogramSpec.Type.NONE) {
            g.loadInto(Reg.R1, LongVal.of(value));
            if (hist.type() == HistogramSpec.Type.LOG) {
                logBucket(Reg.R1);
            } else {
                linearBucket(Reg.R1, hist);
            }
            // the verifier needs the index bounded before it offsets the value pointer
            Label inRange = asm.newLabel("bucket_ok");
            asm.jle(Reg.R1, hist.buckets() - 1, inRange).mov(Reg.R1, hist.buckets() - 1).bind(inRange);
            asm.lsh(Reg.R1, 3).mov(Reg.R5, Reg.R0).add(Reg.R5, Reg.R1);
            asm.ldx(Size.DW, Reg.R2, Reg.R5, StatsLayout.BUCKETS).add(Reg.R2, 1)
                    .stx(Size.DW, Reg.R5, StatsLayout.BUCKETS, Reg.R2);
        }
    }

    /** {@code x = x / d} truncating toward zero, for d > 0 (stap's _stp_div64); clobbers nothing else. */
    private void signedDivByPositive(Reg x, Reg d) {
        Label negative = asm.newLabel("sdiv_neg");
        Label done = asm.newLabel("sdiv_done");
        asm.jslt(x, 0, negative).div(x, d).ja(done);
        asm.bind(negative).neg(x).div(x, d).neg(x);
        asm.bind(done);
    }

    /**
     * r = stap's log2 bucket of r: 64 for 0, 64 + bits(v) for v > 0, 64 - bits(-v) for v < 0, with
     * bits() found by a fixed binary search. Clobbers R2-R4.
     */
    private void logBucket(Reg r) {
        Label zero = asm.newLabel("log_zero");
        Label done = asm.newLabel("log_done");
        asm.jeq(r, 0, zero);
        asm.mov(Reg.R4, 1);
        Label positive = asm.newLabel("log_pos");
        asm.jsgt(r, 0, positive).neg(r).mov(Reg.R4, -1).bind(positive);
        asm.mov(Reg.R2, 1); // bits: the lowest set bit counts one
        for (int step : new int[] {32, 16, 8, 4, 2, 1}) {
            Label skip = asm.newLabel("log_skip");
            asm.mov(Reg.R3, r).rsh(Reg.R3, step).jeq(Reg.R3, 0, skip).mov(r, Reg.R3).add(Reg.R2, step).bind(skip);
        }
        asm.mul(Reg.R2, Reg.R4).mov(r, HistogramSpec.LOG_BUCKET0).add(r, Reg.R2).ja(done);
        asm.bind(zero).mov(r, HistogramSpec.LOG_BUCKET0);
        asm.bind(done);
    }

    /** r = the linear bucket of r (underflow first, overflow last). Clobbers R2. */
    private void linearBucket(Reg r, HistogramSpec h) {
        Label under = asm.newLabel("lin_under");
        Label over = asm.newLabel("lin_over");
        Label done = asm.newLabel("lin_done");
        if (h.start() != 0) {
            asm.sub(r, h.start());
        }
        asm.jslt(r, 0, under);
        g.movConst(Reg.R2, Integer.toUnsignedLong(h.interval()));
        asm.div(r, Reg.R2).add(r, 1);
        asm.jslt(r, 0, over).jge(r, h.buckets() - 1, over).ja(done);
        asm.bind(under).mov(r, 0).ja(done);
        asm.bind(over).mov(r, h.buckets() - 1);
        asm.bind(done);
    }

    LongVal aggregate(Expr.StatsOp e) {
        throw new CodegenException(e.agg().text + " cannot read statistics in a kernel probe; "
                + "read them in an end or timer probe", e.loc());
    }

    LongVal bucket(Expr.HistBucket e) {
        throw new CodegenException("histogram buckets cannot be read in a kernel probe; "
                + "read them in an end or timer probe", e.loc());
    }
}
