package io.jstap.compiler.ir;

import io.jstap.compiler.ir.Ops.StatsAgg;

/**
 * Sort order of a foreach: {@code foreach ([a+, b] in x)} sorts on key 1 ascending,
 * {@code foreach (k in x-)} on the value descending. Statistics sorted by value use an
 * aggregate ({@code foreach (k in s @sum-)}); stap's default is {@code @count}.
 *
 * @param column    0 for the value, 1..N for the key of that position
 * @param ascending {@code +} (true) or {@code -}
 * @param aggregate for statistics sorted by value: which aggregate; null otherwise
 */
public record SortSpec(int column, boolean ascending, StatsAgg aggregate) {

    public SortSpec {
        if (column < 0 || column > GlobalDecl.MAX_KEYS) {
            throw new IllegalArgumentException("sort column " + column);
        }
        if (aggregate != null && column != 0) {
            throw new IllegalArgumentException("an aggregate only applies to sorting by value");
        }
    }

    public static SortSpec byValue(boolean ascending) {
        return new SortSpec(0, ascending, null);
    }

    public static SortSpec byKey(int column, boolean ascending) {
        return new SortSpec(column, ascending, null);
    }
}
