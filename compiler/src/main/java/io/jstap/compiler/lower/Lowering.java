package io.jstap.compiler.lower;

import io.jstap.compiler.ast.Expr;
import io.jstap.compiler.ast.Stmt;
import io.jstap.compiler.bpfgen.KernelPlan;
import io.jstap.compiler.diag.Diagnostic;
import io.jstap.compiler.diag.Diagnostics;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.GlobalKind;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.LocalVar;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.ProgKind;
import io.jstap.compiler.module.UserProbe;
import io.jstap.compiler.probe.TaskLayout;
import io.jstap.compiler.sema.FunctionSymbol;
import io.jstap.compiler.sema.GlobalSymbol;
import io.jstap.compiler.sema.LocalSymbol;
import io.jstap.compiler.sema.ProbeTarget;
import io.jstap.compiler.sema.Program;
import io.jstap.compiler.sema.ResolvedProbe;
import io.jstap.compiler.sema.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers an elaborated program to the typed IR and places every probe: begin/end/error/never and interval
 * timers run in the JVM, everything else becomes a kernel program. Kernel probes whose lowered bodies are
 * equal share one program attached to all their points ({@code syscall.*} usually becomes one program).
 */
public final class Lowering {
    private final Program program;
    private final Diagnostics diags;
    private final Histograms histograms;
    private final String arch;
    private final ProcessHooks hooks;

    private Lowering(Program program, Diagnostics diags, String arch, TaskLayout layout) {
        this.program = program;
        this.arch = arch;
        this.hooks = new ProcessHooks(layout);
        this.diags = diags;
        List<Stmt.Block> bodies = new ArrayList<>();
        for (ResolvedProbe p : program.probes()) {
            bodies.add(p.body());
        }
        for (FunctionSymbol f : program.functions().values()) {
            bodies.add(f.body());
        }
        Histograms h;
        try {
            h = new Histograms(program, bodies);
        } catch (LoweringException e) {
            report(e);
            h = new Histograms(program, List.of());
        }
        this.histograms = h;
    }

    /** Lowers {@code program}; problems are added to {@code diags} (the result is then partial). */
    public static LoweredProgram lower(Program program, Diagnostics diags) {
        return lower(program, diags, "x86_64");
    }

    /** Lowers for a machine architecture (it decides syscall numbers). */
    public static LoweredProgram lower(Program program, Diagnostics diags, String arch) {
        return lower(program, diags, arch, null);
    }

    /** Lowers with the kernel's task layout, which process probes read (null: unknown). */
    public static LoweredProgram lower(Program program, Diagnostics diags, String arch, TaskLayout layout) {
        return new Lowering(program, diags, arch, layout).run();
    }

    private LoweredProgram run() {
        List<GlobalDecl> globals = new ArrayList<>();
        for (GlobalSymbol g : program.globals().values()) {
            try {
                globals.add(global(g));
            } catch (LoweringException e) {
                report(e);
            }
        }
        List<FunctionDecl> functions = new ArrayList<>();
        for (FunctionSymbol f : program.functions().values()) {
            try {
                functions.add(function(f));
            } catch (LoweringException e) {
                report(e);
            }
        }
        List<UserProbe> user = new ArrayList<>();
        Map<List<Object>, KernelPlan> kernel = new LinkedHashMap<>();
        List<ProbeBody> bodies = new ArrayList<>();
        for (ResolvedProbe p : program.probes()) {
            try {
                place(p, user, kernel, bodies);
            } catch (LoweringException e) {
                report(e);
            }
        }
        List<KernelPlan> plans = SyscallDispatch.apply(new ArrayList<>(kernel.values()), arch);
        for (KernelPlan k : plans) {
            bodies.add(k.body());
        }
        IrProgram ir = new IrProgram(globals, functions, dedupe(bodies));
        return new LoweredProgram(ir, plans, user);
    }

    private static List<ProbeBody> dedupe(List<ProbeBody> bodies) {
        List<ProbeBody> out = new ArrayList<>();
        for (ProbeBody b : bodies) {
            if (!out.contains(b)) {
                out.add(b);
            }
        }
        return out;
    }

    private void report(LoweringException e) {
        diags.add(Diagnostic.semanticError("lowering", e.getMessage(), e.span));
    }

    private GlobalDecl global(GlobalSymbol g) {
        IrType value = Types.of(g.type(), g.span(), "global '" + g.name() + "'");
        List<IrType> keys = new ArrayList<>();
        for (Type t : g.keyTypes()) {
            keys.add(Types.of(t, g.span(), "an index of '" + g.name() + "'"));
        }
        GlobalKind kind = g.isStats() ? GlobalKind.STATS : g.isArray() ? GlobalKind.ARRAY : GlobalKind.SCALAR;
        GlobalDecl d = new GlobalDecl(g.name(), keys, value, 0, kind, g.wrap(),
                g.isStats() ? histograms.forGlobal(g.name()) : io.jstap.compiler.format.HistogramSpec.NONE, 0,
                null, Locs.of(g.span()));
        if (g.size() != null) {
            d = d.withMaxEntries((int) Math.min(Integer.MAX_VALUE, Math.max(1, g.size())));
        }
        if (g.init() != null) {
            d = d.withInitialValue(initialValue(g));
        }
        return d;
    }

    private static Object initialValue(GlobalSymbol g) {
        Long n = Histograms.constant(g.init());
        if (n != null) {
            return g.type() == Type.STRING ? Long.toString(n) : n;
        }
        if (g.init() instanceof Expr.StringLit s) {
            return s.value();
        }
        throw new LoweringException("a global's initial value must be a constant", g.init().span());
    }

    private FunctionDecl function(FunctionSymbol f) {
        Frame frame = new Frame();
        List<LocalVar> params = new ArrayList<>();
        for (LocalSymbol p : f.params()) {
            params.add(frame.add(p.name(), Types.local(p.type())));
        }
        for (LocalSymbol l : f.locals()) {
            frame.add(l.name(), Types.local(l.type()));
        }
        ExprLowering exprs = new ExprLowering(program, frame, null, histograms);
        StmtLowering stmts = new StmtLowering(program, frame, exprs, Set.of());
        io.jstap.compiler.ir.Stmt body = stmts.lower(f.body());
        IrType ret = f.returnType() == Type.UNKNOWN ? IrType.VOID
                : Types.of(f.returnType(), f.decl().span(), "function '" + f.name() + "'");
        return new FunctionDecl(f.name(), params, ret, frame.from(params.size()), body, Locs.of(f.decl().span()));
    }

    /** {@code if (!cond) next; body}. */
    private static io.jstap.compiler.ir.Stmt nextUnless(io.jstap.compiler.ir.Expr cond,
            io.jstap.compiler.ir.Stmt body, SrcLoc loc) {
        io.jstap.compiler.ir.Stmt guard = new io.jstap.compiler.ir.Stmt.If(
                new io.jstap.compiler.ir.Expr.Unary(io.jstap.compiler.ir.Ops.UnOp.NOT, cond, cond.loc()),
                new io.jstap.compiler.ir.Stmt.Next(cond.loc()), null, cond.loc());
        return new io.jstap.compiler.ir.Stmt.Block(List.of(guard, body), loc);
    }

    private void place(ResolvedProbe p, List<UserProbe> user, Map<List<Object>, KernelPlan> kernel,
                       List<ProbeBody> bodies) {
        Set<String> dead = DeadAliasLocals.find(p.body(), p.condition(), p.aliasLocals());
        Frame frame = new Frame();
        for (LocalSymbol l : p.locals()) {
            if (!dead.contains(l.name())) {
                frame.add(l.name(), Types.local(l.type()));
            }
        }
        ProbeTarget single = p.targets().size() == 1 ? p.targets().get(0) : null;
        ExprLowering exprs = new ExprLowering(program, frame, single, histograms);
        StmtLowering stmts = new StmtLowering(program, frame, exprs, dead);
        io.jstap.compiler.ir.Stmt body = stmts.lower(p.body());
        SrcLoc loc = Locs.of(p.source().span());
        if (p.condition() != null) {
            body = nextUnless(exprs.lower(p.condition()), body, loc);
        }
        String name = single != null ? single.pp() : p.point().toString();

        // Targets group by program type and the guard their hook tests first; each group is one body.
        Map<List<Object>, List<Attach>> kernelTargets = new LinkedHashMap<>();
        for (ProbeTarget t : p.targets()) {
            UserProbe.Trigger trigger = ProbePlacement.userTrigger(t);
            if (trigger != null) {
                ProbeBody pb = new ProbeBody(t.pp(), frame.all(), body, loc);
                bodies.add(pb);
                user.add(new UserProbe(user.size(), t.pp(), trigger, pb));
                continue;
            }
            List<ProcessHooks.Hook> hs = hooks.of(t, loc, p.point().span());
            if (hs.isEmpty()) {
                throw new LoweringException("probe point " + t.pp() + " is not supported yet",
                        p.point().span());
            }
            for (ProcessHooks.Hook h : hs) {
                List<Object> group = java.util.Arrays.asList(h.kind(), h.guard());
                kernelTargets.computeIfAbsent(group, k -> new ArrayList<>()).add(h.attach());
            }
        }
        for (Map.Entry<List<Object>, List<Attach>> e : kernelTargets.entrySet()) {
            ProgKind kind = (ProgKind) e.getKey().get(0);
            io.jstap.compiler.ir.Expr guard = (io.jstap.compiler.ir.Expr) e.getKey().get(1);
            io.jstap.compiler.ir.Stmt guarded = guard == null ? body : nextUnless(guard, body, loc);
            // Equal bodies of one program type share a program: key on what the code depends on.
            List<Object> key = List.of(kind, frame.all(), guarded);
            KernelPlan old = kernel.get(key);
            if (old != null) {
                List<Attach> all = new ArrayList<>(old.attach());
                all.addAll(e.getValue());
                kernel.put(key, new KernelPlan(old.body(), old.kind(), all, old.name()));
            } else {
                ProbeBody pb = new ProbeBody(name, frame.all(), guarded, loc);
                kernel.put(key, new KernelPlan(pb, kind, e.getValue(), name));
            }
        }
    }
}
