package io.jstap.runtime.session;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.FunctionDecl;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrWalker;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.UserProbe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which globals a script writes and which it reads for their value, over every probe and every function
 * they call, as stap's {@code varuse_collecting_visitor} sees it for its end-of-run display: assignments,
 * {@code ++}/{@code --}, compound assignments, {@code <<<}, {@code delete} and sorted {@code foreach}
 * write; any other mention reads, except that {@code x++} and {@code x += 1} alone do not count as a use
 * of x's value (a counter that is only ever incremented is displayed).
 */
public final class GlobalUse extends IrWalker {

    private final Map<String, FunctionDecl> functions = new HashMap<>();
    private final Set<String> walkedFunctions = new HashSet<>();
    private final Set<String> written = new HashSet<>();
    private final Set<String> used = new HashSet<>();

    private GlobalUse(IrProgram ir) {
        for (FunctionDecl f : ir.functions()) {
            functions.put(f.name(), f);
        }
    }

    /** The analysis of every probe body of {@code module} (kernel, userspace and the IR's own list). */
    public static GlobalUse of(Module module) {
        GlobalUse u = new GlobalUse(module.ir());
        Set<ProbeBody> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<ProbeBody> bodies = new ArrayList<>(module.ir().probes());
        for (KernelProbe k : module.kernelProbes()) {
            bodies.add(k.ir());
        }
        for (UserProbe p : module.userProbes()) {
            bodies.add(p.ir());
        }
        for (ProbeBody b : bodies) {
            if (b != null && seen.add(b)) {
                u.walk(b.body());
            }
        }
        return u;
    }

    public boolean written(String global) {
        return written.contains(global);
    }

    /** Read for its value somewhere (an increment alone is not a read). */
    public boolean used(String global) {
        return used.contains(global);
    }

    /** Globals stap displays at the end of a run: written, never used, in declaration order. */
    public List<GlobalDecl> unread(IrProgram ir) {
        List<GlobalDecl> out = new ArrayList<>();
        for (GlobalDecl g : ir.globals()) {
            if (written(g.name()) && !used(g.name())) {
                out.add(g);
            }
        }
        return out;
    }

    @Override
    protected boolean enter(Expr e) {
        if (e instanceof Expr.Assign a) {
            target(a.target());
            walk(a.value());
            return false;
        }
        if (e instanceof Expr.IncDec i) {
            target(i.target());
            return false;
        }
        if (e instanceof Expr.StatsAdd s) {
            target(s.target());
            walk(s.value());
            return false;
        }
        if (e instanceof Expr.GlobalVar g) {
            used.add(g.name());
        } else if (e instanceof Expr.GlobalElem g) {
            used.add(g.name());
        } else if (e instanceof Expr.InArray i) {
            used.add(i.global());
        } else if (e instanceof Expr.Call c) {
            for (String f : c.targets()) {
                FunctionDecl d = functions.get(f);
                if (d != null && walkedFunctions.add(f)) {
                    walk(d.body());
                }
            }
        }
        return true;
    }

    /** A written lvalue: the global is written, its key expressions are evaluated (and may read). */
    private void target(Expr.LValue lv) {
        if (lv instanceof Expr.GlobalVar g) {
            written.add(g.name());
        } else if (lv instanceof Expr.GlobalElem g) {
            written.add(g.name());
            for (Expr k : g.keys()) {
                walk(k);
            }
        }
    }

    @Override
    protected boolean enter(Stmt s) {
        if (s instanceof Stmt.Foreach f) {
            used.add(f.global());
            if (f.sort() != null) {
                written.add(f.global());
            }
        } else if (s instanceof Stmt.DeleteElement d) {
            written.add(d.global());
        } else if (s instanceof Stmt.DeleteGlobal d) {
            written.add(d.global());
        }
        return true;
    }
}
