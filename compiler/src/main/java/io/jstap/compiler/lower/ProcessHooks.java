package io.jstap.compiler.lower;

import io.jstap.compiler.diag.Span;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops.CmpOp;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.ProgKind;
import io.jstap.compiler.probe.FileId;
import io.jstap.compiler.probe.TaskLayout;
import io.jstap.compiler.probe.TracepointFormat;
import io.jstap.compiler.sema.ProbeTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel attachments of a target, each with the condition its program tests before the body:
 * process begin/end become tracepoints filtered to new processes, last-thread exits and the named
 * program; and every process probe (begin, end, function, mark) is limited to the {@code -x}/{@code -c}
 * target and its descendants when {@code target()} is set, as stap limits them.
 */
final class ProcessHooks {

    /** One attachment; {@code guard} null when the program runs its body unconditionally. */
    record Hook(ProgKind kind, Attach attach, Expr guard) {
    }

    /** Ancestors searched for the target: enough for a shell, a pipeline and what it runs. */
    static final int ANCESTORS = 6;
    /** The code generator's "u32 at current task->a->b->...+field, 0 if unreadable" intrinsic. */
    static final String TASK_U32 = "__task_u32";

    private final TaskLayout layout;

    ProcessHooks(TaskLayout layout) {
        this.layout = layout;
    }

    /** The hooks of {@code t}; empty when jstap cannot attach it. {@code span} is the point, for errors. */
    List<Hook> of(ProbeTarget t, SrcLoc loc, Span span) {
        List<Hook> out = new ArrayList<>();
        if (t instanceof ProbeTarget.ProcessBegin b) {
            Expr who = and(targetFilter(loc), exe(b.exe(), loc, span));
            if (b.exec() != null) {
                out.add(tracepoint(b.exec(), who));
            }
            for (ProbeTarget.Tracepoint f : b.forks()) {
                TracepointFormat.Field ret = f.format().field("ret").orElseThrow();
                Expr child = cmp(CmpOp.EQ, field(ret, loc), lit(0, loc), loc);
                Expr process = cmp(CmpOp.EQ, call("pid", loc), call("tid", loc), loc); // not a new thread
                out.add(tracepoint(f, and(and(child, process), who)));
            }
            return out;
        }
        if (t instanceof ProbeTarget.ProcessEnd e) {
            if (e.exit() == null) {
                return out;
            }
            // the last thread to exit ends the process; before group_dead existed, the leader's exit
            Expr last = e.exit().format().field("group_dead")
                    .map(f -> (Expr) cmp(CmpOp.NE, field(f, loc), lit(0, loc), loc))
                    .orElse(cmp(CmpOp.EQ, call("pid", loc), call("tid", loc), loc));
            Expr pid = e.pid() > 0 ? cmp(CmpOp.EQ, call("pid", loc), lit(e.pid(), loc), loc) : null;
            out.add(tracepoint(e.exit(), and(and(last, pid), and(targetFilter(loc), exe(e.exe(), loc, span)))));
            return out;
        }
        if (t instanceof ProbeTarget.Usdt u && u.site().pcOffset() < 0) {
            throw new LoweringException("cannot attach " + t.pp() + ": its address is not in a loadable segment of "
                    + u.path() + " (or the probe catalog lists the mark by name only)", span);
        }
        ProgKind kind = ProbePlacement.kind(t);
        Attach attach = ProbePlacement.attach(t);
        if (kind != null && attach != null) {
            boolean process = t instanceof ProbeTarget.Uprobe || t instanceof ProbeTarget.Usdt;
            out.add(new Hook(kind, attach, process ? targetFilter(loc) : null));
        }
        return out;
    }

    private static Hook tracepoint(ProbeTarget.Tracepoint tp, Expr guard) {
        return new Hook(ProgKind.TRACEPOINT, new Attach.Tracepoint(tp.category(), tp.event()), guard);
    }

    /**
     * {@code target() == 0 || pid() == target() || parent's tgid == target() || ...}: the current process
     * is the target or descends from it (up to {@link #ANCESTORS} generations; without the kernel's layout,
     * the target alone).
     */
    Expr targetFilter(SrcLoc loc) {
        Expr target = call("target", loc);
        Expr ok = cmp(CmpOp.EQ, target, lit(0, loc), loc);
        ok = or(ok, cmp(CmpOp.EQ, call("pid", loc), target, loc), loc);
        if (layout != null) {
            for (int gen = 1; gen <= ANCESTORS; gen++) {
                List<Integer> path = new ArrayList<>();
                for (int i = 0; i < gen; i++) {
                    path.add(layout.taskRealParent());
                }
                ok = or(ok, cmp(CmpOp.EQ, taskU32(path, layout.taskTgid(), loc), target, loc), loc);
            }
        }
        return ok;
    }

    /** The running executable is {@code exe}: its inode's number (low 32 bits) and its device match. */
    private Expr exe(FileId exe, SrcLoc loc, Span span) {
        if (exe == null) {
            return null;
        }
        if (layout == null) {
            throw new LoweringException("process(\"PATH\") begin and end probes need the kernel's structure "
                    + "layout (BTF), which the catalog did not give", span);
        }
        List<Integer> inode = List.of(layout.taskMm(), layout.mmExeFile(), layout.fileInode());
        List<Integer> sb = List.of(layout.taskMm(), layout.mmExeFile(), layout.fileInode(), layout.inodeSb());
        Expr ino = cmp(CmpOp.EQ, taskU32(inode, layout.inodeIno(), loc), lit(exe.ino() & 0xffffffffL, loc), loc);
        Expr dev = cmp(CmpOp.EQ, taskU32(sb, layout.superBlockDev(), loc), lit(exe.dev() & 0xffffffffL, loc), loc);
        return and(ino, dev);
    }

    private static Expr taskU32(List<Integer> path, int field, SrcLoc loc) {
        List<Expr> args = new ArrayList<>();
        for (int off : path) {
            args.add(lit(off, loc));
        }
        args.add(lit(field, loc));
        return new Expr.BuiltinCall(TASK_U32, args, IrType.LONG, loc);
    }

    private static Expr field(TracepointFormat.Field f, SrcLoc loc) {
        return new Expr.TracepointField(f.name(), f.offset(), f.size(), f.signed(), false, false, loc);
    }

    private static Expr call(String name, SrcLoc loc) {
        return new Expr.BuiltinCall(name, List.of(), IrType.LONG, loc);
    }

    private static Expr lit(long v, SrcLoc loc) {
        return new Expr.LongLit(v, loc);
    }

    private static Expr cmp(CmpOp op, Expr l, Expr r, SrcLoc loc) {
        return new Expr.Compare(op, l, r, loc);
    }

    private static Expr or(Expr l, Expr r, SrcLoc loc) {
        return new Expr.Logical(false, l, r, loc);
    }

    /** Conjunction where null means "true". */
    private static Expr and(Expr l, Expr r) {
        if (l == null) {
            return r;
        }
        return r == null ? l : new Expr.Logical(true, l, r, l.loc());
    }
}
