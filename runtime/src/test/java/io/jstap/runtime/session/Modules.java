package io.jstap.runtime.session;

import io.jstap.compiler.bpf.Assembler;
import io.jstap.compiler.bpf.Helper;
import io.jstap.compiler.bpf.Label;
import io.jstap.compiler.bpf.MapRef;
import io.jstap.compiler.bpf.Program;
import io.jstap.compiler.bpf.Reg;
import io.jstap.compiler.bpf.Size;
import io.jstap.compiler.exec.RuntimeLimits;
import io.jstap.compiler.format.HistogramSpec;
import io.jstap.compiler.ir.Expr;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.IrProgram;
import io.jstap.compiler.ir.IrType;
import io.jstap.compiler.ir.ProbeBody;
import io.jstap.compiler.ir.SrcLoc;
import io.jstap.compiler.ir.Stmt;
import io.jstap.compiler.module.Attach;
import io.jstap.compiler.module.KernelProbe;
import io.jstap.compiler.module.MapDef;
import io.jstap.compiler.module.Module;
import io.jstap.compiler.module.OutputRecord;
import io.jstap.compiler.module.ProgKind;
import io.jstap.compiler.module.StatsLayout;
import io.jstap.compiler.module.UserProbe;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built modules for the runtime's tests, standing in for the code generator: maps laid out as
 * DESIGN §4 says, userspace probes in IR, kernel probes hand-assembled.
 */
public final class Modules {

    public static final SrcLoc LOC = new SrcLoc("t.stp", 1, 1);
    public static final int STR = RuntimeLimits.DEFAULT_MAXSTRINGLEN;
    public static final MapRef RING = new MapRef("__output");
    public static final MapRef COUNTERS = new MapRef("__counters");

    private Modules() {
    }

    // ---- maps

    public static MapDef scalar(String name, IrType type, boolean perCpu) {
        GlobalDecl g = GlobalDecl.scalar(name, type, LOC);
        MapDef.ValueLayout v = type == IrType.STRING ? MapDef.ValueLayout.ofString(STR) : MapDef.ValueLayout.ofLong();
        return new MapDef(name, perCpu ? MapDef.MapKind.PERCPU_ARRAY : MapDef.MapKind.ARRAY, 4, v.size(), 1,
                MapDef.Role.GLOBAL, g, List.of(), v);
    }

    public static MapDef array(String name, List<IrType> keys, IrType value, int maxEntries, boolean perCpu) {
        return array(GlobalDecl.array(name, keys, value, LOC).withMaxEntries(maxEntries), perCpu);
    }

    public static MapDef array(GlobalDecl g, boolean perCpu) {
        List<MapDef.KeyField> fields = keyFields(g.keyTypes());
        int keySize = fields.stream().mapToInt(f -> f.offset() + f.size()).max().orElse(4);
        MapDef.ValueLayout v = g.valueType() == IrType.STRING ? MapDef.ValueLayout.ofString(STR)
                : g.valueType() == IrType.STATS ? MapDef.ValueLayout.ofStats(new StatsLayout(g.histogram().buckets()))
                : MapDef.ValueLayout.ofLong();
        int max = g.effectiveMaxEntries(RuntimeLimits.DEFAULT_MAXMAPENTRIES);
        return new MapDef(g.name(), perCpu ? MapDef.MapKind.PERCPU_HASH : MapDef.MapKind.HASH, keySize, v.size(), max,
                MapDef.Role.GLOBAL, g, fields, v);
    }

    public static MapDef stats(String name, HistogramSpec hist, boolean perCpu) {
        GlobalDecl g = GlobalDecl.stats(name, List.of(), hist, LOC);
        MapDef.ValueLayout v = MapDef.ValueLayout.ofStats(new StatsLayout(hist.buckets()));
        return new MapDef(name, perCpu ? MapDef.MapKind.PERCPU_ARRAY : MapDef.MapKind.ARRAY, 4, v.size(), 1,
                MapDef.Role.GLOBAL, g, List.of(), v);
    }

    static List<MapDef.KeyField> keyFields(List<IrType> types) {
        List<MapDef.KeyField> out = new ArrayList<>();
        int off = 0;
        for (IrType t : types) {
            int size = t == IrType.LONG ? 8 : STR;
            out.add(new MapDef.KeyField(t, off, size));
            off += size;
        }
        return out;
    }

    public static MapDef ring(int bytes) {
        return new MapDef(RING.name(), MapDef.MapKind.RINGBUF, 0, 0, bytes, MapDef.Role.OUTPUT, null, List.of(),
                MapDef.ValueLayout.raw(0));
    }

    public static MapDef counters() {
        return new MapDef(COUNTERS.name(), MapDef.MapKind.PERCPU_ARRAY, 4, 8, 1, MapDef.Role.COUNTERS, null, List.of(),
                MapDef.ValueLayout.raw(8));
    }

    // ---- userspace probes (IR)

    public static Stmt printf(String format, Expr... args) {
        return new Stmt.ExprStmt(new Expr.Format(Expr.Format.FormatKind.PRINTF, format, List.of(args), LOC));
    }

    public static Stmt call(String builtin, IrType type, Expr... args) {
        return new Stmt.ExprStmt(new Expr.BuiltinCall(builtin, List.of(args), type, LOC));
    }

    public static Stmt block(Stmt... s) {
        return new Stmt.Block(List.of(s), LOC);
    }

    public static ProbeBody body(String name, Stmt... s) {
        return new ProbeBody(name, List.of(), block(s), LOC);
    }

    public static UserProbe begin(int id, long seq, Stmt... s) {
        return new UserProbe(id, "begin", new UserProbe.Trigger.Begin(seq), body("begin", s));
    }

    public static UserProbe end(int id, long seq, Stmt... s) {
        return new UserProbe(id, "end", new UserProbe.Trigger.End(seq), body("end", s));
    }

    public static UserProbe error(int id, Stmt... s) {
        return new UserProbe(id, "error", new UserProbe.Trigger.Error(0), body("error", s));
    }

    public static UserProbe timer(int id, long periodNs, Stmt... s) {
        return new UserProbe(id, "timer", new UserProbe.Trigger.Timer(periodNs, 0), body("timer", s));
    }

    public static Expr.GlobalVar gvar(String name, IrType t) {
        return new Expr.GlobalVar(name, t, LOC);
    }

    public static Expr num(long v) {
        return new Expr.LongLit(v, LOC);
    }

    public static Expr str(String s) {
        return new Expr.StrLit(s, LOC);
    }

    // ---- kernel probes (hand-assembled)

    /** Jumps to {@code out} unless the current process is {@code tgid}; clobbers r0-r5. */
    public static void onlyTgid(Assembler a, int tgid, Label out) {
        a.call(Helper.GET_CURRENT_PID_TGID).rsh(Reg.R0, 32).jne(Reg.R0, tgid, out);
    }

    /** r0 = &map[0] of a one-entry array, or jumps to {@code out}. */
    public static void lookupIndex0(Assembler a, MapRef map, Label out) {
        a.st(Size.W, Reg.R10, -4, 0).mov(Reg.R2, Reg.R10).add(Reg.R2, -4).ldMapFd(Reg.R1, map)
                .call(Helper.MAP_LOOKUP_ELEM).jeq(Reg.R0, 0, out);
    }

    /** {@code map[0] += 1} for each hit of {@code tgid} (atomic; also right for per-CPU maps). */
    public static Program counter(MapRef map, int tgid) {
        Assembler a = new Assembler();
        Label out = a.newLabel("out");
        onlyTgid(a, tgid, out);
        lookupIndex0(a, map, out);
        a.mov(Reg.R1, 1).atomicAdd(Size.DW, Reg.R0, 0, Reg.R1, false);
        return a.bind(out).mov(Reg.R0, 0).exit().build();
    }

    /** A tracepoint probe; {@code ir} is what the program does, as the code generator's source IR. */
    public static KernelProbe tracepoint(int id, String name, Program code, String category, String event,
            Stmt... ir) {
        return new KernelProbe(id, name, ProgKind.TRACEPOINT, List.of(new Attach.Tracepoint(category, event)),
                body(name, ir), code, LOC);
    }

    /** {@code global++}: the IR of {@link #counter}. */
    public static Stmt increment(String global) {
        return new Stmt.ExprStmt(new Expr.IncDec(gvar(global, IrType.LONG), true, false, LOC));
    }

    public static OutputRecord record(int id, OutputRecord.Kind kind, String text, int size, OutputRecord.Arg... args) {
        return new OutputRecord(id, kind, text, List.of(args), size, LOC);
    }

    // ---- modules

    /** Collects the parts of a module; globals come from the GLOBAL maps plus {@link #heapGlobal}. */
    public static final class Builder {
        private final List<MapDef> maps = new ArrayList<>();
        private final List<GlobalDecl> extraGlobals = new ArrayList<>();
        private final List<KernelProbe> kernel = new ArrayList<>();
        private final List<UserProbe> user = new ArrayList<>();
        private final List<OutputRecord> records = new ArrayList<>();
        private RuntimeLimits limits = RuntimeLimits.DEFAULTS;

        public Builder map(MapDef m) {
            maps.add(m);
            return this;
        }

        /** A global with no map (kept in memory by the store). */
        public Builder heapGlobal(GlobalDecl g) {
            extraGlobals.add(g);
            return this;
        }

        public Builder kernel(KernelProbe p) {
            kernel.add(p);
            return this;
        }

        public Builder user(UserProbe p) {
            user.add(p);
            return this;
        }

        public Builder record(OutputRecord r) {
            records.add(r);
            return this;
        }

        public Builder limits(RuntimeLimits l) {
            limits = l;
            return this;
        }

        public Module build() {
            List<GlobalDecl> globals = new ArrayList<>();
            for (MapDef m : maps) {
                if (m.global() != null) {
                    globals.add(m.global());
                }
            }
            globals.addAll(extraGlobals);
            List<ProbeBody> bodies = new ArrayList<>();
            kernel.forEach(k -> bodies.add(k.ir()));
            user.forEach(u -> bodies.add(u.ir()));
            return new Module(new IrProgram(globals, List.of(), bodies), maps, kernel, user, records, limits);
        }
    }
}
