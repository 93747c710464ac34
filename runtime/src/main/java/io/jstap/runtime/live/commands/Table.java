package io.jstap.runtime.live.commands;

import java.util.ArrayList;
import java.util.List;

/** Rows of text cells rendered as aligned columns; chosen columns are right-aligned (numbers). */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final List<Integer> right = new ArrayList<>();
    private String[] header;

    Table header(String... cells) {
        header = cells.clone();
        return this;
    }

    Table right(int... columns) {
        for (int c : columns) {
            right.add(c);
        }
        return this;
    }

    Table row(String... cells) {
        rows.add(cells.clone());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Every row on its own line, columns two spaces apart, trailing blanks trimmed. */
    String render(String indent) {
        List<String[]> all = new ArrayList<>();
        if (header != null) {
            all.add(header);
        }
        all.addAll(rows);
        int cols = all.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[cols];
        for (String[] r : all) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : all) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String cell = r[i];
                int pad = width[i] - cell.length();
                if (right.contains(i)) {
                    line.append(" ".repeat(pad)).append(cell);
                } else {
                    line.append(cell);
                    if (i < r.length - 1) {
                        line.append(" ".repeat(pad));
                    }
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
