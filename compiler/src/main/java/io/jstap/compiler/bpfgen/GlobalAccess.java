package io.jstap.compiler.bpfgen;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.exec.Tokens;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.Ops.BinOp;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.MapDef.KeyField;
import java.util.List;

/**
 * Reads and writes of globals. Keys are built in scratch (each field at its fixed offset); scalars in a
 * plain array are addressed directly (ld_imm64 of the map value, no lookup). A missing element reads as
 * 0 or "". Inserting into a full hash fails with stap's "Array overflow" error. Additions are exact under
 * concurrency: atomic fetch-and-op on shared maps, plain adds on per-CPU maps, and an insert that loses
 * a race to another CPU's insert retries as an update.
 */
final class GlobalAccess {

    static final int BPF_ANY = 0;
    static final int BPF_NOEXIST = 1;
    static final int EEXIST = 17;

    /** A global lvalue with its key evaluated into scratch at {@code keyOff} (-1: the u32 0 key). */
    record Place(GlobalMap map, int keyOff, Expr.LValue lv) {
    }

    private final Gen g;
    private final Assembler asm;

    GlobalAccess(Gen g) {
        this.g = g;
        this.asm = g.asm;
    }

    Place place(Expr.LValue lv) {
        if (lv instanceof Expr.GlobalVar v) {
            return new Place(g.mod.global(v.name(), v.loc()), -1, lv);
        }
        Expr.GlobalElem e = (Expr.GlobalElem) lv;
        GlobalMap m = g.mod.global(e.name(), e.loc());
        return new Place(m, key(m, e.keys(), e.loc()), lv);
    }

    /** Evaluates keys left to right into a new scratch key; returns its offset. */
    int key(GlobalMap m, List<Expr> keys, SrcLoc loc) {
        List<KeyField> fields = m.def().keyFields();
        if (fields.size() != keys.size()) {
            throw new IllegalStateException(m.name() + " takes " + fields.size() + " keys, got " + keys.size());
        }
        int off = g.storage.scratch(m.def().keySize(), loc);
        for (int i = 0; i < keys.size(); i++) {
            Expr k = keys.get(i);
            if (k instanceof Expr.AnyKey) {
                throw new CodegenException("array slices ('*' keys) are not supported in kernel probes; "
                        + "use them in an end or timer probe", k.loc());
            }
            int at = off + fields.get(i).offset();
            if (fields.get(i).type() == IrType.STRING) {
                g.strings.into(k, at);
            } else {
                LongVal v = g.longs.eval(k);
                asm.stx(Size.DW, Reg.R9, at, g.load(v, Reg.R1));
                g.release(v);
            }
        }
        return off;
    }

    private void keyAddr(Reg r, Place p) {
        if (p.keyOff < 0) {
            g.zeroKey(r);
        } else {
            g.scratchAddr(r, p.keyOff);
        }
    }

    /** R0 = the value's address, or 0 when the element is absent (never 0 for direct scalars). */
    void lookup(Place p) {
        if (p.map.direct()) {
            asm.ldMapValue(Reg.R0, p.map.ref(), 0);
            return;
        }
        g.mapRef(Reg.R1, p.map.ref());
        keyAddr(Reg.R2, p);
        asm.call(Helper.MAP_LOOKUP_ELEM);
    }

    /** map_update_elem(map, key, value at {@code valueReg}, flags); R0 = 0 or -errno. */
    void update(Place p, Reg valueAddr, int flags) {
        if (valueAddr != Reg.R3) {
            asm.mov(Reg.R3, valueAddr);
        }
        g.mapRef(Reg.R1, p.map.ref());
        keyAddr(Reg.R2, p);
        asm.mov(Reg.R4, flags).call(Helper.MAP_UPDATE_ELEM);
    }

    /** Jumps to the overflow error when R0 (an update's result) is not 0 and the map can be full. */
    void checkInsert(Place p) {
        if (p.map.canOverflow()) {
            asm.jne(Reg.R0, 0, overflow(p));
        }
    }

    Label overflow(Place p) {
        return g.errors.failure(overflowMessage(p.map.decl()), Tokens.near(p.lv), p.lv.loc());
    }

    /** The interpreter's wording for a full global. */
    static String overflowMessage(GlobalDecl d) {
        return "Array overflow, check " + (d.maxEntries() > 0 ? "size limit (" + d.maxEntries() + ")" : "MAXMAPENTRIES");
    }

    // ---- reads

    LongVal readLong(Expr.LValue lv) {
        int mark = g.storage.scratchMark();
        LongVal v = read(place(lv));
        g.storage.scratchReset(mark);
        return v;
    }

    LongVal read(Place p) {
        lookup(p);
        Temps.Temp t = g.temps.alloc(p.lv.loc());
        Reg r = g.temps.target(t, Reg.R1);
        if (p.map.direct()) {
            asm.ldx(Size.DW, r, Reg.R0, 0);
        } else {
            Label absent = asm.newLabel("absent");
            asm.mov(r, 0).jeq(Reg.R0, 0, absent).ldx(Size.DW, r, Reg.R0, 0).bind(absent);
        }
        g.temps.write(t, r);
        return LongVal.of(t);
    }

    void readString(Expr.LValue lv, int dst) {
        int mark = g.storage.scratchMark();
        read(place(lv), dst);
        g.storage.scratchReset(mark);
    }

    void read(Place p, int dst) {
        lookup(p);
        if (p.map.direct()) {
            g.strings.copy(Reg.R9, dst, Reg.R0, 0);
            return;
        }
        Label absent = asm.newLabel("absent");
        Label done = asm.newLabel("read_done");
        asm.jeq(Reg.R0, 0, absent);
        g.strings.copy(Reg.R9, dst, Reg.R0, 0);
        asm.ja(done).bind(absent);
        g.strings.zero(dst);
        asm.bind(done);
    }

    LongVal in(Expr.InArray e) {
        GlobalMap m = g.mod.global(e.global(), e.loc());
        int mark = g.storage.scratchMark();
        Place p = new Place(m, key(m, e.keys(), e.loc()), null);
        lookup(p);
        g.storage.scratchReset(mark);
        Temps.Temp t = g.temps.alloc(e.loc());
        Reg r = g.temps.target(t, Reg.R1);
        Label absent = asm.newLabel("not_in");
        asm.mov(r, 0).jeq(Reg.R0, 0, absent).mov(r, 1).bind(absent);
        g.temps.write(t, r);
        return LongVal.of(t);
    }

    // ---- writes

    void write(Place p, LongVal v) {
        if (p.map.direct()) {
            Reg val = g.load(v, Reg.R2);
            asm.ldMapValue(Reg.R1, p.map.ref(), 0).stx(Size.DW, Reg.R1, 0, val);
            return;
        }
        asm.stx(Size.DW, Reg.R10, g.valueSlot, g.load(v, Reg.R1));
        g.stackAddr(Reg.R3, g.valueSlot);
        update(p, Reg.R3, BPF_ANY);
        checkInsert(p);
    }

    void write(Place p, int buf) {
        if (p.map.direct()) {
            asm.ldMapValue(Reg.R2, p.map.ref(), 0);
            g.strings.copy(Reg.R2, 0, Reg.R9, buf);
            return;
        }
        g.scratchAddr(Reg.R3, buf);
        update(p, Reg.R3, BPF_ANY);
        checkInsert(p);
    }

    /**
     * {@code p = p op operand} for ADD, AND, OR or XOR, exact under concurrency, a missing element
     * counting as 0. Returns the old value in a new temp when {@code wantOld}, else null.
     */
    LongVal fetchOp(Place p, BinOp op, LongVal operand, boolean wantOld) {
        Temps.Temp old = wantOld ? g.temps.alloc(p.lv.loc()) : null;
        Label done = asm.newLabel("op_done");
        lookup(p);
        if (p.map.direct()) {
            applyAt(p, op, operand, old);
            return wantOld ? LongVal.of(old) : null;
        }
        Label missing = asm.newLabel("missing");
        Label inserted = asm.newLabel("inserted");
        asm.jeq(Reg.R0, 0, missing);
        applyAt(p, op, operand, old);
        asm.ja(done);
        asm.bind(missing);
        g.loadInto(Reg.R1, op == BinOp.AND ? LongVal.of(0) : operand);
        asm.stx(Size.DW, Reg.R10, g.valueSlot, Reg.R1);
        g.stackAddr(Reg.R3, g.valueSlot);
        update(p, Reg.R3, BPF_NOEXIST);
        asm.jeq(Reg.R0, 0, inserted);
        Label raced = asm.newLabel("raced");
        asm.jeq(Reg.R0, -EEXIST, raced);
        if (p.map.canOverflow()) {
            asm.ja(overflow(p));
        } else {
            asm.ja(inserted);
        }
        // another CPU inserted the element between our lookup and insert: apply to its value
        asm.bind(raced);
        lookup(p);
        asm.jeq(Reg.R0, 0, inserted);
        applyAt(p, op, operand, old);
        asm.ja(done);
        asm.bind(inserted);
        if (old != null) {
            Reg r = g.temps.target(old, Reg.R1);
            asm.mov(r, 0);
            g.temps.write(old, r);
        }
        asm.bind(done);
        return wantOld ? LongVal.of(old) : null;
    }

    /** Applies op to the value at R0; the old value goes to {@code old} if not null. */
    private void applyAt(Place p, BinOp op, LongVal operand, Temps.Temp old) {
        g.loadInto(Reg.R1, operand);
        if (p.map.perCpu()) {
            // this CPU's own copy: nobody else writes it
            asm.ldx(Size.DW, Reg.R2, Reg.R0, 0).mov(Reg.R3, Reg.R2);
            switch (op) {
                case ADD: asm.add(Reg.R3, Reg.R1); break;
                case AND: asm.and(Reg.R3, Reg.R1); break;
                case OR: asm.or(Reg.R3, Reg.R1); break;
                case XOR: asm.xor(Reg.R3, Reg.R1); break;
                default: throw new IllegalStateException("no fetch-op " + op);
            }
            asm.stx(Size.DW, Reg.R0, 0, Reg.R3);
            if (old != null) {
                g.temps.write(old, Reg.R2);
            }
            return;
        }
        switch (op) {
            case ADD: asm.atomicAdd(Size.DW, Reg.R0, 0, Reg.R1, old != null); break;
            case AND: asm.atomicAnd(Size.DW, Reg.R0, 0, Reg.R1, old != null); break;
            case OR: asm.atomicOr(Size.DW, Reg.R0, 0, Reg.R1, old != null); break;
            case XOR: asm.atomicXor(Size.DW, Reg.R0, 0, Reg.R1, old != null); break;
            default: throw new IllegalStateException("no atomic " + op);
        }
        if (old != null) {
            g.temps.write(old, Reg.R1);
        }
    }

    // ---- deletes

    void delete(Stmt.DeleteElement s) {
        GlobalMap m = g.mod.global(s.global(), s.loc());
        int mark = g.storage.scratchMark();
        int key = key(m, s.keys(), s.loc());
        g.mapRef(Reg.R1, m.ref());
        g.scratchAddr(Reg.R2, key);
        asm.call(Helper.MAP_DELETE_ELEM);
        g.storage.scratchReset(mark);
    }

    void deleteGlobal(Stmt.DeleteGlobal s) {
        GlobalMap m = g.mod.global(s.global(), s.loc());
        if (m.decl().keyed()) {
            throw new CodegenException("deleting all of array " + m.name() + " is not supported in kernel probes; "
                    + "delete it in an end or timer probe, or delete elements one by one", s.loc());
        }
        if (m.stats()) {
            g.mapRef(Reg.R1, m.ref());
            g.zeroKey(Reg.R2);
            asm.call(Helper.MAP_DELETE_ELEM);
            return;
        }
        Place p = new Place(m, -1, null);
        if (m.decl().valueType() == IrType.STRING) {
            int mark = g.storage.scratchMark();
            int buf = g.storage.scratch(g.mod.strSize(), s.loc());
            g.strings.zero(buf);
            write(p, buf);
            g.storage.scratchReset(mark);
        } else {
            write(p, LongVal.of(0));
        }
    }
}
