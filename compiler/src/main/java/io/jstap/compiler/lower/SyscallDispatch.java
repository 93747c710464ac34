package io.jstap.compiler.lower;

import io.jstap.compiler.bpfgen.KernelPlan;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.Ops.UnOp;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.ProgKind;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Moves syscall tracepoint probes onto the raw {@code sys_enter}/{@code sys_exit} tracepoints with a
 * syscall-number check in the program. On the kernels we measured, closing a perf tracepoint waits for an
 * RCU grace period (about 70 ms each), so {@code syscall.*} over 360 tracepoints took seconds to detach and
 * every REPL edit paid it; a raw tracepoint attaches and detaches in well under a millisecond, and each event
 * skips building the tracefs record.
 *
 * <p>In the rewritten body, record fields become what the raw tracepoint offers: {@link Expr.RawArg} 1 is the
 * syscall number on entry and the return value on exit; arguments and the exit's syscall number are read
 * from the saved user registers ({@link Expr.Register}). Syscalls whose number we do not know stay on their
 * perf tracepoints.
 */
final class SyscallDispatch {
    private static final String[] ARG_REGS = {"di", "si", "dx", "r10", "r8", "r9"};
    private static final int NR_OFFSET = 8;
    private static final int ARGS_OFFSET = 16;
    /** Leaves of the search tree compare against at most this many numbers. */
    private static final int LEAF = 4;

    private SyscallDispatch() {
    }

    static List<KernelPlan> apply(List<KernelPlan> plans, String arch) {
        List<KernelPlan> out = new ArrayList<>();
        for (KernelPlan p : plans) {
            out.addAll(split(p, arch));
        }
        return out;
    }

    private static List<KernelPlan> split(KernelPlan p, String arch) {
        if (p.kind() != ProgKind.TRACEPOINT) {
            return List.of(p);
        }
        TreeSet<Integer> enter = new TreeSet<>();
        TreeSet<Integer> exit = new TreeSet<>();
        List<Attach> rest = new ArrayList<>();
        for (Attach a : p.attach()) {
            OptionalInt nr = OptionalInt.empty();
            boolean isEnter = false;
            if (a instanceof Attach.Tracepoint tp && tp.category().equals("syscalls")) {
                isEnter = tp.event().startsWith("sys_enter_");
                String name = tp.event().substring(tp.event().indexOf('_', 4) + 1);
                if (isEnter || tp.event().startsWith("sys_exit_")) {
                    nr = SyscallNumbers.of(arch, name);
                }
            }
            if (nr.isEmpty()) {
                rest.add(a);
            } else {
                (isEnter ? enter : exit).add(nr.getAsInt());
            }
        }
        List<KernelPlan> out = new ArrayList<>();
        if (!enter.isEmpty()) {
            out.add(raw(p, true, enter));
        }
        if (!exit.isEmpty()) {
            out.add(raw(p, false, exit));
        }
        if (!rest.isEmpty()) {
            out.add(new KernelPlan(p.body(), p.kind(), rest, p.name()));
        }
        return out;
    }

    private static KernelPlan raw(KernelPlan p, boolean enter, TreeSet<Integer> numbers) {
        ProbeBody b = p.body();
        List<LocalVar> locals = new ArrayList<>(b.locals());
        LocalVar nr = new LocalVar("__syscall_nr", IrType.LONG, locals.size());
        locals.add(nr);
        SrcLoc loc = b.loc();
        Expr nrSource = enter ? new Expr.RawArg(1, loc) : new Expr.Register("orig_ax", loc);
        Expr.Local nrLocal = new Expr.Local(nr, loc);
        Stmt save = new Stmt.ExprStmt(new Expr.Assign(nrLocal, io.jstap.compiler.ir.Ops.AssignOp.SET, nrSource, loc),
                loc);
        List<long[]> ranges = ranges(numbers);
        Stmt guard = guard(ranges, 0, ranges.size(), nrLocal, loc);
        Stmt body = new FieldRewriter(enter, nrLocal).rewrite(b.body());
        Stmt all = new Stmt.Block(List.of(save, guard, body), loc);
        ProbeBody rb = new ProbeBody(b.name(), locals, all, loc);
        return new KernelPlan(rb, ProgKind.RAW_TRACEPOINT, List.of(new Attach.RawTracepoint(enter ? "sys_enter"
                : "sys_exit")), p.name());
    }

    /** Consecutive numbers as inclusive ranges: {@code syscall.*} collapses to a handful. */
    private static List<long[]> ranges(TreeSet<Integer> numbers) {
        List<long[]> out = new ArrayList<>();
        for (int n : numbers) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last[1] + 1 == n) {
                last[1] = n;
            } else {
                out.add(new long[] {n, n});
            }
        }
        return out;
    }

    /** {@code next} unless the number lies in one of {@code ranges[lo, hi)}: a binary search tree of compares. */
    private static Stmt guard(List<long[]> ranges, int lo, int hi, Expr nr, SrcLoc loc) {
        if (hi - lo <= LEAF) {
            Expr any = null;
            for (int i = lo; i < hi; i++) {
                long[] r = ranges.get(i);
                Expr in = r[0] == r[1]
                        ? new Expr.Compare(CmpOp.EQ, nr, new Expr.LongLit(r[0], loc), loc)
                        : new Expr.Logical(true, new Expr.Compare(CmpOp.GE, nr, new Expr.LongLit(r[0], loc), loc),
                                new Expr.Compare(CmpOp.LE, nr, new Expr.LongLit(r[1], loc), loc), loc);
                any = any == null ? in : new Expr.Logical(false, any, in, loc);
            }
            return new Stmt.If(new Expr.Unary(UnOp.NOT, any, loc), new Stmt.Next(loc), null, loc);
        }
        int mid = (lo + hi) >>> 1;
        return new Stmt.If(new Expr.Compare(CmpOp.LT, nr, new Expr.LongLit(ranges.get(mid)[0], loc), loc),
                guard(ranges, lo, mid, nr, loc), guard(ranges, mid, hi, nr, loc), loc);
    }

    /** Record fields of the syscall events as raw-tracepoint reads. */
    private static final class FieldRewriter extends IrRewriter {
        private final boolean enter;
        private final Expr nr;

        FieldRewriter(boolean enter, Expr nr) {
            this.enter = enter;
            this.nr = nr;
        }

        @Override
        protected Expr rewriteLeaf(Expr e) {
            if (!(e instanceof Expr.TracepointField f) || f.isString()) {
                return e;
            }
            if (f.offset() == NR_OFFSET) {
                return nr;
            }
            if (enter) {
                int i = (f.offset() - ARGS_OFFSET) / 8;
                if (f.offset() >= ARGS_OFFSET && i < ARG_REGS.length && f.offset() % 8 == 0) {
                    // Syscall records hold every argument as a full 8-byte slot, like the register.
                    return new Expr.Register(ARG_REGS[i], f.loc());
                }
            } else if (f.offset() == ARGS_OFFSET) {
                return new Expr.RawArg(1, f.loc());
            }
            throw new IllegalStateException("no raw equivalent of syscall field " + f.name());
        }

    }
}
