package io.jstap.compiler.exec;

import io.jstap.compiler.format.Stats;
import io.jstap.compiler.ir.GlobalDecl;
import io.jstap.compiler.ir.GlobalKind;
import io.jstap.compiler.ir.IrType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Globals held in memory, in insertion order (stap's map order until a sort reorders it).
 * An array holds at most its declared size or MAXMAPENTRIES elements: one more is
 * {@link MapFullException}, unless the global wraps ({@code global x%}), in which case the oldest
 * element makes room, as stap's map does. Statistics keep one accumulator per element (one CPU).
 * Thread-safe: every method is atomic.
 */
public final class HeapMapStore implements MapStore {

    private final int defaultMaxEntries;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    private static final class Table {
        final GlobalDecl decl;
        final int limit;
        final LinkedHashMap<List<Object>, Object> map = new LinkedHashMap<>();

        Table(GlobalDecl decl, int limit) {
            this.decl = decl;
            this.limit = limit;
        }
    }

    public HeapMapStore(Collection<GlobalDecl> globals, RuntimeLimits limits) {
        this.defaultMaxEntries = limits.maxMapEntries();
        for (GlobalDecl g : globals) {
            define(g);
        }
    }

    /**
     * Adds a global, or redefines one. A global whose shape is unchanged keeps its values; a new
     * or reshaped one starts empty, with its initialiser if it has one. Returns true if values were kept.
     */
    public synchronized boolean define(GlobalDecl g) {
        Table old = tables.get(g.name());
        Table t = new Table(g, g.effectiveMaxEntries(defaultMaxEntries));
        boolean kept = old != null && old.decl.sameShape(g);
        if (kept) {
            t.map.putAll(old.map);
        } else if (g.initialValue() != null) {
            t.map.put(List.of(), g.initialValue());
        }
        tables.put(g.name(), t);
        return kept;
    }

    /** Forgets a global and its values. */
    public synchronized void drop(String global) {
        tables.remove(global);
    }

    private Table table(String global) {
        Table t = tables.get(global);
        if (t == null) {
            throw new IllegalArgumentException("unknown global " + global);
        }
        return t;
    }

    private static void checkKey(Table t, List<Object> key) {
        List<IrType> types = t.decl.keyTypes();
        if (key.size() != types.size()) {
            throw new IllegalArgumentException(t.decl.name() + " takes " + types.size() + " keys, got " + key.size());
        }
        for (int i = 0; i < key.size(); i++) {
            Object k = key.get(i);
            boolean ok = types.get(i) == IrType.LONG ? k instanceof Long : k instanceof String;
            if (!ok) {
                throw new IllegalArgumentException(t.decl.name() + ": key " + (i + 1) + " must be " + types.get(i));
            }
        }
    }

    /** Makes room for a new key: drops the oldest element of a wrapping global, else fails. */
    private static void reserve(Table t, List<Object> key) {
        if (t.decl.keyed() && !t.map.containsKey(key) && t.map.size() >= t.limit) {
            if (!t.decl.wrap()) {
                throw new MapFullException(t.decl.name(), t.limit);
            }
            Iterator<List<Object>> oldest = t.map.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    @Override
    public synchronized GlobalDecl decl(String global) {
        return table(global).decl;
    }

    @Override
    public synchronized Object get(String global, List<Object> key) {
        Table t = table(global);
        checkKey(t, key);
        Object v = t.map.get(key);
        return v instanceof Stats s ? Stats.aggregate(List.of(s)) : v;
    }

    @Override
    public synchronized void put(String global, List<Object> key, Object value) {
        Table t = table(global);
        checkKey(t, key);
        IrType vt = t.decl.valueType();
        boolean ok = vt == IrType.LONG ? value instanceof Long : vt == IrType.STRING && value instanceof String;
        if (!ok) {
            throw new IllegalArgumentException(global + " holds " + vt + " values, got " + value);
        }
        reserve(t, key);
        t.map.put(List.copyOf(key), value);
    }

    @Override
    public synchronized long add(String global, List<Object> key, long delta) {
        Table t = table(global);
        checkKey(t, key);
        if (t.decl.valueType() != IrType.LONG) {
            throw new IllegalArgumentException(global + " does not hold longs");
        }
        reserve(t, key);
        long v = (Long) t.map.getOrDefault(key, 0L) + delta;
        t.map.put(List.copyOf(key), v);
        return v;
    }

    @Override
    public synchronized boolean delete(String global, List<Object> key) {
        Table t = table(global);
        checkKey(t, key);
        return t.map.remove(key) != null;
    }

    @Override
    public synchronized boolean contains(String global, List<Object> key) {
        Table t = table(global);
        checkKey(t, key);
        return t.map.containsKey(key);
    }

    @Override
    public synchronized List<Entry> entries(String global) {
        Table t = table(global);
        List<Entry> out = new ArrayList<>(t.map.size());
        for (Map.Entry<List<Object>, Object> e : t.map.entrySet()) {
            Object v = e.getValue();
            out.add(new Entry(e.getKey(), v instanceof Stats s ? Stats.aggregate(List.of(s)) : v));
        }
        return out;
    }

    @Override
    public synchronized int size(String global) {
        return table(global).map.size();
    }

    @Override
    public synchronized void clear(String global) {
        table(global).map.clear();
    }

    @Override
    public synchronized void statsAdd(String global, List<Object> key, long value) {
        Table t = table(global);
        checkKey(t, key);
        if (t.decl.kind() != GlobalKind.STATS) {
            throw new IllegalArgumentException(global + " is not statistics");
        }
        reserve(t, key);
        Stats s = (Stats) t.map.get(key);
        if (s == null) {
            s = new Stats(t.decl.histogram(), t.decl.varianceShift());
            t.map.put(List.copyOf(key), s);
        }
        s.add(value);
    }

    @Override
    public synchronized Stats stats(String global, List<Object> key) {
        Table t = table(global);
        checkKey(t, key);
        Object v = t.map.get(key);
        return v == null ? null : Stats.aggregate(List.of((Stats) v));
    }
}
