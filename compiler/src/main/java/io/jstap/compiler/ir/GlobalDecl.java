package io.jstap.compiler.ir;

import io.jstap.compiler.format.HistogramSpec;

import java.util.List;
import java.util.Objects;

/**
 * A global variable: a scalar, an array with 1..9 typed keys, or statistics (scalar or keyed).
 *
 * @param name         identifier, also the map's name
 * @param keyTypes     LONG/STRING per key; empty for scalars
 * @param valueType    LONG or STRING, or STATS when {@code kind} is STATS
 * @param maxEntries   declared size ({@code global x[100]}); 0 means "MAXMAPENTRIES"
 * @param kind         storage shape
 * @param wrap         {@code global x%}: a full array replaces its oldest entry instead of failing
 * @param histogram    histogram kept by a STATS global; {@link HistogramSpec#NONE} otherwise
 * @param varianceShift the N of {@code @variance(s, N)} for a STATS global (0..62), else 0
 * @param initialValue Long or String initialiser of a scalar ({@code global x = 5}), or null
 * @param loc          the declaration
 */
public record GlobalDecl(String name, List<IrType> keyTypes, IrType valueType, int maxEntries,
                         GlobalKind kind, boolean wrap, HistogramSpec histogram, int varianceShift,
                         Object initialValue, SrcLoc loc) {

    public static final int MAX_KEYS = 9;

    public GlobalDecl {
        Objects.requireNonNull(name, "name");
        keyTypes = List.copyOf(keyTypes);
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(loc, "loc");
        if (keyTypes.size() > MAX_KEYS) {
            throw new IllegalArgumentException(name + ": at most " + MAX_KEYS + " keys");
        }
        for (IrType t : keyTypes) {
            if (!t.scalar()) {
                throw new IllegalArgumentException(name + ": key type must be long or string, got " + t);
            }
        }
        if ((kind == GlobalKind.STATS) != (valueType == IrType.STATS)) {
            throw new IllegalArgumentException(name + ": kind " + kind + " with value type " + valueType);
        }
        if (kind != GlobalKind.STATS && !valueType.scalar()) {
            throw new IllegalArgumentException(name + ": value type must be long or string");
        }
        if (kind == GlobalKind.SCALAR && !keyTypes.isEmpty()) {
            throw new IllegalArgumentException(name + ": a scalar has no keys");
        }
        if (kind == GlobalKind.ARRAY && keyTypes.isEmpty()) {
            throw new IllegalArgumentException(name + ": an array needs keys");
        }
        Objects.requireNonNull(histogram, "histogram");
        if (histogram.type() != HistogramSpec.Type.NONE && kind != GlobalKind.STATS) {
            throw new IllegalArgumentException(name + ": only statistics keep a histogram");
        }
        if (varianceShift < 0 || varianceShift > 62 || (varianceShift != 0 && kind != GlobalKind.STATS)) {
            throw new IllegalArgumentException(name + ": variance shift " + varianceShift);
        }
        if (maxEntries < 0) {
            throw new IllegalArgumentException(name + ": negative size");
        }
        if (initialValue != null) {
            boolean ok = kind == GlobalKind.SCALAR
                    && (valueType == IrType.LONG ? initialValue instanceof Long : initialValue instanceof String);
            if (!ok) {
                throw new IllegalArgumentException(name + ": initialiser does not fit " + kind + " " + valueType);
            }
        }
    }

    public static GlobalDecl scalar(String name, IrType type, SrcLoc loc) {
        return new GlobalDecl(name, List.of(), type, 0, GlobalKind.SCALAR, false, HistogramSpec.NONE, 0, null, loc);
    }

    public static GlobalDecl array(String name, List<IrType> keys, IrType value, SrcLoc loc) {
        return new GlobalDecl(name, keys, value, 0, GlobalKind.ARRAY, false, HistogramSpec.NONE, 0, null, loc);
    }

    public static GlobalDecl stats(String name, List<IrType> keys, HistogramSpec histogram, SrcLoc loc) {
        return new GlobalDecl(name, keys, IrType.STATS, 0, GlobalKind.STATS, false, histogram, 0, null, loc);
    }

    public GlobalDecl withMaxEntries(int n) {
        return new GlobalDecl(name, keyTypes, valueType, n, kind, wrap, histogram, varianceShift, initialValue, loc);
    }

    public GlobalDecl withWrap(boolean w) {
        return new GlobalDecl(name, keyTypes, valueType, maxEntries, kind, w, histogram, varianceShift, initialValue, loc);
    }

    public GlobalDecl withInitialValue(Object v) {
        return new GlobalDecl(name, keyTypes, valueType, maxEntries, kind, wrap, histogram, varianceShift, v, loc);
    }

    public GlobalDecl withVarianceShift(int shift) {
        return new GlobalDecl(name, keyTypes, valueType, maxEntries, kind, wrap, histogram, shift, initialValue, loc);
    }

    /** True when the global is addressed with keys (arrays and keyed statistics). */
    public boolean keyed() {
        return !keyTypes.isEmpty();
    }

    /** The entry limit in force: the declared size, or the default. */
    public int effectiveMaxEntries(int defaultMaxEntries) {
        return maxEntries > 0 ? maxEntries : defaultMaxEntries;
    }

    /** Same map shape: a reload may keep the values of a global whose shape is unchanged. */
    public boolean sameShape(GlobalDecl o) {
        return name.equals(o.name) && keyTypes.equals(o.keyTypes) && valueType == o.valueType
                && maxEntries == o.maxEntries && kind == o.kind && wrap == o.wrap
                && histogram.equals(o.histogram) && varianceShift == o.varianceShift;
    }
}
