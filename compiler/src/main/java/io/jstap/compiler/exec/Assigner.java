package io.jstap.compiler.exec;

import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.Ops.AssignOp;
import io.jstap.compiler.ir.Ops.BinOp;

import java.util.List;

/**
 * Writes through lvalues: assignments, {@code ++}/{@code --} and {@code <<<}. An lvalue's keys are
 * evaluated once, before the right-hand side. Additions to globals go through
 * {@link MapStore#add} so a store over shared maps can make them atomic.
 */
final class Assigner {

    private final Execution x;
    private final ExprEval eval;

    Assigner(Execution x, ExprEval eval) {
        this.x = x;
        this.eval = eval;
    }

    /** A resolved lvalue: a local slot, or a global with its evaluated key. */
    private record Place(Expr.LValue lv, String global, List<Object> key) {
    }

    private Place place(Expr.LValue lv) {
        if (lv instanceof Expr.Local) {
            return new Place(lv, null, null);
        }
        if (lv instanceof Expr.GlobalVar g) {
            return new Place(lv, g.name(), List.of());
        }
        Expr.GlobalElem g = (Expr.GlobalElem) lv;
        return new Place(lv, g.name(), eval.keys(g.keys()));
    }

    private Object read(Place p) {
        if (p.global == null) {
            return x.frame.slots[((Expr.Local) p.lv).var().slot()];
        }
        Object v = x.interp.store().get(p.global, p.key);
        return v == null ? Frame.zero(p.lv.type()) : v;
    }

    private void write(Place p, Object v) {
        if (p.global == null) {
            x.frame.slots[((Expr.Local) p.lv).var().slot()] = v;
            return;
        }
        try {
            x.interp.store().put(p.global, p.key, v);
        } catch (MapFullException full) {
            throw overflow(p);
        }
    }

    private long add(Place p, long delta) {
        if (p.global == null) {
            Object[] slots = x.frame.slots;
            int slot = ((Expr.Local) p.lv).var().slot();
            long v = (Long) slots[slot] + delta;
            slots[slot] = v;
            return v;
        }
        try {
            return x.interp.store().add(p.global, p.key, delta);
        } catch (MapFullException full) {
            throw overflow(p);
        }
    }

    /** stap's "Array overflow, check MAXMAPENTRIES" (or "size limit (N)" for a sized global). */
    private ProbeError overflow(Place p) {
        return new ProbeError(overflowMessage(x.interp.store().decl(p.global)), Tokens.near(p.lv));
    }

    static String overflowMessage(GlobalDecl d) {
        return "Array overflow, check " + (d.maxEntries() > 0 ? "size limit (" + d.maxEntries() + ")" : "MAXMAPENTRIES");
    }

    Object assign(Expr.Assign e) {
        Place p = place(e.target());
        Object rhs = eval.eval(e.value());
        AssignOp op = e.op();
        if (op == AssignOp.SET) {
            write(p, rhs);
            return rhs;
        }
        if (op == AssignOp.CONCAT) {
            String v = x.str((String) read(p) + rhs);
            write(p, v);
            return v;
        }
        long r = (Long) rhs;
        if (op == AssignOp.ADD || op == AssignOp.SUB) {
            return add(p, op == AssignOp.ADD ? r : -r);
        }
        BinOp bin = op.binOp;
        if ((bin == BinOp.DIV || bin == BinOp.MOD) && r == 0) {
            // stap names the right operand's token for /= and %=
            throw x.error(Arith.DIVISION_BY_ZERO, e.value());
        }
        long v = Arith.apply(bin, (Long) read(p), r);
        write(p, v);
        return v;
    }

    Object incDec(Expr.IncDec e) {
        Place p = place(e.target());
        long delta = e.increment() ? 1 : -1;
        long v = add(p, delta);
        return e.prefix() ? v : v - delta;
    }

    Object statsAdd(Expr.StatsAdd e) {
        Place p = place(e.target());
        long v = eval.evalLong(e.value());
        try {
            x.interp.store().statsAdd(p.global, p.key, v);
        } catch (MapFullException full) {
            throw overflow(p);
        }
        return v;
    }
}
