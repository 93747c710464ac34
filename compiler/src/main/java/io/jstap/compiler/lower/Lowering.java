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
import io.jstap.compiler.sema.FunctionSymbol;
import io.jstap.compiler.sema.GlobalSymbol;
import io.jstap.compiler.sema.LocalSymbol;
import io.jstap.compiler.sema.ProbeTarget;
import io.jstap.compiler.sema.Program;
import io.jstap.compiler.sema.ResolvedProbe;
import io.jstap.compiler.sema.Type;
import java.util.ArrayList;
import java.util.EnumMap;
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

    private Lowering(Program program, Diagnostics diags, String arch) {
        this.program = program;
        this.arch = arch;
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
        return new Lowering(program, diags, arch).run();
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
            io.jstap.compiler.ir.Expr cond = exprs.lower(p.condition());
            io.jstap.compiler.ir.Stmt guard = new io.jstap.compiler.ir.Stmt.If(
                    new io.jstap.compiler.ir.Expr.Unary(io.jstap.compiler.ir.Ops.UnOp.NOT, cond, cond.loc()),
                    new io.jstap.compiler.ir.Stmt.Next(cond.loc()), null, cond.loc());
            body = new io.jstap.compiler.ir.Stmt.Block(List.of(guard, body), loc);
        }
        String name = single != null ? single.pp() : p.point().toString();

        Map<ProgKind, List<Attach>> kernelTargets = new EnumMap<>(ProgKind.class);
        for (ProbeTarget t : p.targets()) {
            UserProbe.Trigger trigger = ProbePlacement.userTrigger(t);
            if (trigger != null) {
                ProbeBody pb = new ProbeBody(t.pp(), frame.all(), body, loc);
                bodies.add(pb);
                user.add(new UserProbe(user.size(), t.pp(), trigger, pb));
                continue;
            }
            ProgKind kind = ProbePlacement.kind(t);
            Attach attach = ProbePlacement.attach(t);
            if (kind == null || attach == null) {
                throw new LoweringException("probe point " + t.pp() + " is not supported yet",
                        p.point().span());
            }
            kernelTargets.computeIfAbsent(kind, k -> new ArrayList<>()).add(attach);
        }
        for (Map.Entry<ProgKind, List<Attach>> e : kernelTargets.entrySet()) {
            // Equal bodies of one program type share a program: key on what the code depends on.
            List<Object> key = List.of(e.getKey(), frame.all(), body);
            KernelPlan old = kernel.get(key);
            if (old != null) {
                List<Attach> all = new ArrayList<>(old.attach());
                all.addAll(e.getValue());
                kernel.put(key, new KernelPlan(old.body(), old.kind(), all, old.name()));
            } else {
                ProbeBody pb = new ProbeBody(name, frame.all(), body, loc);
                kernel.put(key, new KernelPlan(pb, e.getKey(), e.getValue(), name));
            }
        }
    }
}
